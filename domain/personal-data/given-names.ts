// Common given names in the UK, as data. The name rules use them to raise precision: a
// capitalised word mid-sentence could be anything, but "Margaret" or "Oluwaseun" is almost
// certainly a person. The list spans the generations who are patients (born 1930s–1970s),
// the staff and carers around them (1970s–2000s) and the UK's larger communities (South
// Asian, Black African and Caribbean, Polish and Eastern European, Irish, Welsh, Scottish,
// Chinese), so that it does not quietly protect some groups' names less well than others.

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w.length > 0));
}

/** Given names that are unmistakably names: flagged even on their own. */
export const GIVEN_NAMES: ReadonlySet<string> = words(`
 Margaret Patricia Susan Linda Christine Janet Barbara Brenda Pauline Valerie Sheila Maureen Joan
 Doreen Irene Elsie Dorothy Edna Gladys Mavis Beryl Sylvia Eileen Kathleen Marjorie Vera Elizabeth
 Mary Anne Ann Anna Annie Jennifer Gillian Jacqueline Elaine Wendy Lesley Julie Karen Tracey Tracy
 Deborah Debbie Sandra Angela Helen Alison Carole Lynne Lynn Judith Hilary Rosemary Josephine Jane
 Janice Marian Marion Frances Teresa Theresa Bernadette Philippa Rachel Nicola Joanne Samantha
 Sarah Emma Laura Rebecca Hannah Jessica Amy Charlotte Sophie Chloe Lauren Katie Kate Katherine
 Catherine Kathryn Claire Clare Louise Lucy Natalie Michelle Kelly Lisa Zoe Zoë Gemma Stacey Leanne
 Abigail Megan Emily Olivia Amelia Isla Ava Mia Isabella Isabel Isabelle Freya Ella Evie
 Harriet Eleanor Alice Matilda Lily Sienna Phoebe Imogen Esme Maisie Niamh Aoife
 Ciara Siobhan Sinead Sinéad Orla Roisin Róisín Bridget Maeve Eilish Siân Sian Bethan Cerys Carys
 Ffion Nia Rhiannon Catrin Angharad Morag Kirsty Shona Ailsa Fiona Mhairi Eilidh Heather Jean
 Fatima Aisha Ayesha Amina Zainab Maryam Khadija Khadijah Hafsa Sana Samira Yasmin Yasmeen Nadia
 Noor Nur Layla Leila Zahra Rukhsana Shabana Nasreen Parveen Shazia Farah Saima Rabia Iqra Hina
 Priya Anjali Sunita Deepa Neha Pooja Anita Geeta Gita Meena Rekha Shanti Lakshmi Kavita Kiran
 Nisha Asha Radha Divya Shreya Ananya Aditi Simran Gurpreet Harpreet Jaspreet Manpreet Mandeep
 Rajinder Kuldeep Sukhvinder Parminder Jasbir Amrit Baljit Harjit Navdeep Rupinder Tanveer
 Ngozi Chiamaka Chioma Adaeze Nneka Ifeoma Folake Funmilayo Funmi Bisi Yetunde Temitope Titilayo
 Abimbola Oluwaseun Oluwatoyin Olamide Adaora Amara Ama Abena Akosua Efua Adwoa Esi Akua Yaa
 Nkechi Uche Gifty Marcia Beverley Maxine Sonia Claudette Hyacinth Paulette
 Agnieszka Katarzyna Magdalena Malgorzata Małgorzata Marta Ewa Joanna Aleksandra Natalia Dorota
 Beata Monika Justyna Karolina Zuzana Ioana Andreea Elena Mihaela Raluca Irina Olga Svetlana
 Tatiana Oksana Daria Anastasia Ilona Lina Rasa Inga Ieva Mei Ling Xiu Jing Yan Hui Min Fang
 Maria Sofia Giulia Francesca Chiara Ana Lucia Carmen Isabela Ines Inês Beatriz Catarina Mariana
 John David Michael Peter Robert Paul Stephen Steven Brian Kenneth Alan Allan Keith Colin Derek
 Terence Terry Barry Trevor Roy Ronald Dennis Graham Nigel Malcolm Geoffrey Raymond Anthony Tony
 Richard Christopher Chris Andrew Andy James Jim Jimmy William Thomas Tom Tommy Charles Charlie
 George Edward Eddie Harry Henry Arthur Albert Alfred Frederick Fred Walter Ernest Stanley Leonard
 Leslie Harold Norman Douglas Donald Gordon Ian Iain Neil Martin Philip Phil Simon Timothy Tim
 Jonathan Jon Nicholas Matthew Matt Daniel Dan Danny Benjamin Ben Samuel Sam Joseph Joe Luke
 Adam Ryan Jamie Lewis Liam Callum Connor Kieran Nathan Aaron Jake Joshua Josh Oliver Jacob Noah
 Oscar Leo Alfie Theo Archie Freddie Ethan Dylan Mason Logan Owen Rhys Dafydd Gareth Gethin Iwan
 Emyr Huw Aled Hamish Fraser Alasdair Alistair Angus Ewan Euan Ruaridh Seamus Séamus Sean Seán
 Padraig Pádraig Declan Eoin Ciaran Cian Conor Niall Diarmuid Fergus Cormac Brendan Kevin Gerard
 Mohammed Muhammad Mohammad Mohamed Ahmed Ahmad Omar Umar Yusuf Yousef Ibrahim Hassan Hussain
 Hussein Abdul Abdullah Bilal Hamza Imran Tariq Khalid Faisal Asif Zubair Zahid Javed Shahid
 Nadeem Waqas Usman Adil Arif Rashid Karim Kareem Tahir Irfan Sajid Rizwan Amir Amjad Mustafa
 Rajesh Sanjay Arjun Ravi Vijay Anil Sunil Ramesh Suresh Mahesh Dinesh Rakesh Ashok Vikram
 Rahul Rohan Amit Nikhil Deepak Pradeep Sandeep Gurdeep Jaswinder Harjinder Balwinder Sukhdev
 Paramjit Ranjit Manjit Kulwant Gurmeet Hardeep Inderjit Satnam Amarjit Jagdeep Kamal Krishna
 Chidi Chukwuma Emeka Obinna Ikenna Nnamdi Adebayo Adewale Babatunde Olumide Oluwafemi Femi
 Tunde Segun Kunle Kayode Kwame Kofi Kwabena Kwaku Yaw Kojo Kwesi Kweku Delroy Winston Leroy
 Errol Clive Lloyd Desmond Tomasz Piotr Krzysztof Andrzej Marek Pawel Paweł Jakub
 Grzegorz Michal Michał Lukasz Łukasz Wojciech Bogdan Kamil Mateusz Marcin Dariusz Janusz
 Andrei Ionut Mihai Florin Alexandru Vasile Dmitri Sergei Alexei Nikolai Vladimir Wei Hao
 Ming Jian Giovanni Luca Marco Giuseppe Francesco Alessandro Antonio Manuel Miguel Jose José
 Carlos Pedro Joao João Rui Tiago Diego Javier Pablo
 Ruth Joyce Audrey Betty Peggy Phyllis Winifred Mabel Lilian Lillian Hilda Ethel Nellie Muriel
 Gwendoline Gwen Evelyn Freda Nora Norah Rita Shirley Pamela Jill Yvonne Lorraine Dianne Diane
 Denise Beverley Beverly Glenda Glenys Dilys Gwyneth Enid Myra Marilyn Rosalind Geraldine Veronica
 Marie Cynthia Daphne Edith Agnes Jessie Ada Gloria Merle Pearline Donna Tina Kim Mandy Sharon
 Caroline Jenny Jennie Nicole Danielle Rachael Hayley Lindsay Lindsey Charlene Shelley Jade
 Kayleigh Amanda Melanie Vicky Sophia Georgina Bethany Courtney Rebekah Ellie Scarlett Aria Willow
 Millie Paige Abbie Leah Naomi Miriam Esther Tamsin Tamara Tanya Keeley Rosie Rowena Penelope
 Jemima Flora Clara Cora Edie Martha Nancy Beatrice Hattie Iona Catriona Morven Anwen Bronwen
 Eluned Gwenllian Llinos Mairead Máiread Aisling Grainne Gráinne Deirdre Nuala Clodagh Orlaith
 Cyril Percy Wilfred Lionel Ivor Reginald Reg Sidney Herbert Horace Bernard Cecil Clifford Victor
 Vincent Eric Gerald Gilbert Howard Hugh Maurice Ralph Roland Rodney Rupert Stuart Stewart Vernon
 Dudley Arnold Basil Clarence Edwin Glyn Idris Emrys Gwyn Dai Ifor Darren Craig Gary Wayne Shaun
 Scott Jason Carl Ross Marcus Russell Gavin Kevin Glenn Adrian Julian Toby Hugo Giles Duncan
 Graeme Gregory Greg Jeremy Justin Kris Damian Damien Nathaniel Elliot Elliott Harvey Louis Reuben
 Tobias Zachary Jayden Riley Tyler Kai Finley Alexander Sebastian Rhodri Geraint Owain Lachlan
 Finlay Ronan Donal Colm Fionn Cathal Oisin Oisín Marlon Clinton Garfield Lennox Jermaine Tyrone
 Farida Fareeda Nazia Nasima Shahida Tahmina Rubina Shabnam Salma Sadia Sumaira Uzma Ruksana
 Reena Seema Sheetal Bhavna Hema Usha Kamala Manjula Nirmala Savita Sushila Pushpa Rani Komal
 Jagjit Sukhjinder Bhupinder Davinder Gurinder Jatinder Kulbir Narinder Surinder Mohinder Tarsem
 Ajit Arun Ashish Bharat Dev Dilip Girish Hitesh Jayesh Kishore Manoj Mukesh Naresh Nitin Paresh
 Rajiv Sachin Sandip Mandip Shailesh Vinod Yogesh Ruhul Shamim Anwar Jamal Kamrul Mizanur Bashir
 Nasir Habib Ikram Ismail Ilyas Junaid Kashif Mansoor Mehmood Naveed Rehan Saeed Shakeel Suleman
 Yasir Zafar Zeeshan Tendai Tatenda Farai Chipo Rutendo Nyasha Tafadzwa Sipho Thabo Nomsa Lindiwe
 Ayodele Olusegun Damilola Tolu Kemi Bukola Bolanle Chinedu Chukwudi Ifeanyi Uchenna Nkem Eniola
 Ebere Abdi Abdirahman Ayaan Hodan Hawa Faadumo Ubah Mahad Mehmet Elif Ayse Ayşe Fatma Emre Burak
 Hakan Serkan Zeynep Andreas Christos Costas Georgios Nikos Eleni Despina Androulla Linh Minh
 Thanh Ying Xin Bartosz Bartek Dawid Kacper Szymon Filip Zofia Kasia Basia Iwona Jolanta Renata
 Grazyna Grażyna Halina Krystyna Wanda Zbigniew Stanislaw Stanisław Tadeusz Jerzy Ryszard Arash
 Soraya Shirin Reza Farhad Parisa Darius Dariush Dominic Marsha Rosa
`);

/**
 * Given names that are also ordinary words, months or places ("May", "Grace", "Will",
 * "Chelsea", "Victoria"). They only count as names with a surname after them, a title
 * before them or a cue ("my wife May", "a nurse called Hope").
 */
export const AMBIGUOUS_GIVEN_NAMES: ReadonlySet<string> = words(`
 May June April August Will Mark Bill Hope Joy Faith Rose Dawn Holly Ivy Pat Sue Jack Frank
 Ray Bob Guy Art Drew Gene Miles Lee Chase Sky Summer Autumn Amber Crystal Chelsea Florence
 Sydney Jordan Georgia India Kerry Devon Lincoln Paris Carol Robin Daisy Poppy Iris Jasmine
 Hazel Olive Pearl Sandy Sunny Eve Don Nick Rob Sally Patience Charity Angel Precious Rich
 Carter Hunter Cliff Dean Glen Grant Christian Earl Max Faye Kay Mercy Verity Lane Harley
 Misty Storm Rain Brook Brooke Bo Ruby Violet Stirling Major Sonny Pip Comfort Blessing Grace Everton
`);
