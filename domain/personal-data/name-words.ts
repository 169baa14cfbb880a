// Word lists for the name rules: titles, cues, common surnames and the capitalised words
// that are never names. Kept as data so that a missed or wrongly flagged word is fixed by
// editing a list, not a pattern.

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w.length > 0));
}

/** Capitalised words that introduce a name: "Dr Patel", "Sister Okafor", "Mrs. Jones". */
export const TITLES: ReadonlySet<string> = words(`
  Mr Mrs Ms Miss Mx Dr Doctor Prof Professor Sister Nurse Matron Sr Rev Revd Reverend Fr Father
  Sir Dame Lady
`);

/**
 * Lower-case words after which a capitalised word is a name even if it is not on any list:
 * "a nurse called Temitope", "my husband Wojciech", "her daughter Ama".
 */
export const NAME_CUES: ReadonlySet<string> = words(`
  called named husband wife partner son daughter mum mom mother dad father brother sister friend
  nurse doctor consultant carer neighbour grandson granddaughter grandma grandmother grandad
  granddad grandfather nan nana niece nephew aunt auntie uncle cousin colleague porter volunteer
  receptionist surgeon oncologist physio dietitian radiographer pharmacist chaplain boyfriend
  girlfriend fiancé fiancée fiance fiancee stepson stepdaughter stepmum stepdad especially
  particularly
`);

/** Lower-case particles inside surnames: "Maria de Souza", "Jan van der Berg". */
export const NAME_PARTICLES: ReadonlySet<string> = words(
  `de da das dos du van von der den del della di le la bin binti ap`,
);

/**
 * Common surnames in England and Wales. With one of these, a capitalised pair counts as a name
 * even at the start of a sentence ("Priya Raman was…" is caught through "Priya"; "Tunde Smith
 * was…" through "Smith").
 */
export const SURNAMES: ReadonlySet<string> = words(`
  Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson
  Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Clark Patel Jackson Wood Turner
  Martin Cooper Hill Morris Moore Lee King Baker Harrison Morgan Allen James Scott Phillips Watson
  Davis Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins
  Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum
  Wilkinson Foster Chapman Powell Webb Rogers Gray Grey Mason Ali Hunt Hussain Campbell Matthews
  Owen Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray
  Dixon Harvey Ahmed Graham Pearson Ward Fletcher Kaur Shah Okafor Adeyemi Mensah Nguyen Chen Wang
  Kowalski Nowak Kowalczyk Wiśniewski Wisniewski Popescu Ionescu Okonkwo Owusu Boateng Asante
  Adebayo Oyelaran Obi Eze Nwosu Rahman Islam Uddin Chowdhury Miah Hossain Akhtar Iqbal Malik
  Qureshi Siddiqui Mahmood Raza Sharma Gupta Kumar Mistry Desai Joshi Mehta Chauhan Parmar Gill
  Sandhu Dhillon Sidhu Grewal Bains Atwal Campbell MacDonald Macdonald McDonald Stewart Robertson
  Reid Ross Fraser Paterson Morrison Hamilton Kerr Sutherland Byrne Ryan Doyle O'Brien O’Brien
  O'Connor O’Connor O'Neill O’Neill Kennedy Quinn Gallagher Walsh Brennan Flanagan McCarthy
  Fitzgerald Lynch Duffy Jenkins Rees Price Vaughan Pritchard Llewellyn Bevan Howells Okoro
`);

/**
 * Capitalised words that are never part of a name: function words that start sentences,
 * days and months (except those that are also given names), kin words written with a
 * capital ("Mum"), nationalities and faiths. They end a name and are skipped at its start.
 */
export const COMMON_CAPITALISED: ReadonlySet<string> = words(`
  The A An My Our Your His Her Their Its This That These Those When While Whilst After Before
  During On In At From To For With Without By As If But And Or So Because Although Though Since
  Until Once Then There Here It We They He She You Everyone Everybody Nobody Someone Somebody
  Anyone All Some Many Most Every Each Any No Not Very Really Just Also Thank Thanks Please Dear
  Overall Sadly Unfortunately Luckily Thankfully Fortunately Honestly Today Tonight Yesterday
  Tomorrow Last Next First Second Third Finally Again Great Good Lovely Kind Brilliant Excellent
  What Why How Where Who Whom Whose Which Was Were Had Has Have Got Could Would Should Did Do Does
  Is Are Can Must Might Shall Being Been Yes Yeah Well Oh Hi Hello Sorry Even Still Only Both
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays Thursdays
  Fridays Saturdays Sundays January February March July September October November December
  Mum Mom Dad Mummy Daddy Nan Nana Nanny Grandma Grandad Granddad Gran Auntie Uncle Sis Bro Hun
  English British Scottish Welsh Irish Polish Romanian Indian Pakistani Bangladeshi Chinese
  African Caribbean Asian European Black Muslim Hindu Sikh Jewish Buddhist Catholic Christian
  Christmas Easter Eid Diwali Ramadan Hanukkah Vaisakhi Passover New Year Eve Bank Holiday
  Lord God Jesus Allah Sir Madam Ok Okay Wow Amazing Fantastic Terrible Awful Shocking Nothing
  Everything Something Anything Never Always Sometimes Often Perhaps Maybe Definitely Absolutely
  Later Earlier Soon Now Then Afterwards Meanwhile However Therefore Also Plus Nor Yet Instead
  Additionally Glad Into Thank-you Thankyou I've I’ve I'd I’d I'll I’ll Eg Much Love Nice Lets Let's Let’s Im I'm I’m Ticked Make More Better
  Faster Regarding Open Despite Game Cycling Single Smart National Long Head Retail Proffesionly
  Friendly Helpful Honest Impressed Extremely Big Child Staffing Catheter Communication Covid
  Lockdown Syndrome Members Issues Improvement Improvements Perfect Confused Failure Facilities
  Treated Animals Interesting Informative Informal Introduction Info Insight Inclusive Class
  Queen Mother Palace Govt TVs WiFi Club Talk Chi Point Aider Aiders Course Visitor Psychiatrist
  Security Co-Ordinator Activities Horticulture Krishna Diamond
`);

/**
 * Capitalised words that belong to places, services, organisations and roles. A run of
 * capitalised words containing one is a name of a thing ("Oak Ward", "Maggie's Centre",
 * "Royal Marsden", "Clinical Nurse Specialist"), never a person, even when a word in it is
 * also a given name; wards and buildings are often named after people.
 */
export const INSTITUTION_WORDS: ReadonlySet<string> = words(`
  Hospital Hospitals Ward Wards Unit Units Centre Centres Center Trust Foundation Clinic Clinics
  Department Dept Service Services Team Teams Suite Wing Block Building House Lodge Road Street
  Avenue Lane Way Drive Close Crescent Place Gardens Court Square Park Station Terminal Airport
  Royal Marsden Macmillan Curie Ryder Brohn Maggie's Maggie’s Hospice Charity Cancer Research
  Surgery Pharmacy Practice Medical Health Healthcare Care Community Council Borough County
  University College School Church Mosque Temple Gurdwara Synagogue Chapel Library Café Cafe
  Coffee Restaurant Shop Store Tesco Sainsbury's Sainsbury’s Costa Boots Waitrose Pret Starbucks
  Greggs Uber Transport London Surrey Sutton Fulham Kensington Westminster Kingston Croydon
  Wimbledon Epsom Brighton Kent Sussex Essex England Britain Scotland Wales Ireland Europe UK
  Oncology Haematology Radiotherapy Chemotherapy Chemo Radiology Imaging Outpatients Outpatient
  Inpatients Inpatient Reception Pathology Palliative Acute Intensive Critical Emergency
  Admissions Discharge Day Night Morning Afternoon Evening Week Weekend Friends Family Test
  Patient Patients Advice Liaison Experience Inclusion Group Committee Board Governors Survey
  Award Awards Programme Project Appeal Fund Support Information Helpline Line App Portal
  Website Online Nurses Doctors Consultant Consultants Specialist Specialists Practitioner
  Practitioners Assistant Assistants Manager Managers Lead Leads Director Directors Officer
  Officers Chaplaincy Chaplain Volunteer Volunteers Porter Porters Physiotherapy Physio
  Dietitian Therapist Therapy Psychologist Counsellor Social Worker Coordinator Co-ordinator
  Navigator Secretary Receptionist Chief Executive Chair Chairman Governor Non Clinical Mental
  Breast Lung Skin Bowel Prostate Blood Bone Marrow Transplant Trial Trials Study Scan Lounge
  Garden Entrance Floor Level Lift Car Parking Bus Train Hotel Wifi Wi-Fi Google Facebook
  Twitter Instagram WhatsApp Zoom NHS Ambulance Paramedic Paramedics
  Haematologist Oncologist Surgeon Registrar Anaesthetist Radiographer Pharmacist Healthcare
  Cross Street Memorial Institute Society Association Network Alliance Partnership
  Partners Commission Authority Agency Office Ltd Limited Plc Trust’s Trust's Marsden's St Saint
  North South East West Upper Lower Bishop City Town Village Bridge Grange Hub Leys Ley Hosp Rehab
  Africa America Asia Australia Auckland Tees Harborough Wigston Leake Southwell Highbury
  Bridgford Bridgeford Cotgrave Millbrook Beaumont Peterborough Leicester Oakham Glenfield Stanley
  Heart Currie Durham Darlington Sedgefield Shotley Nottingham Lowdham
`);
