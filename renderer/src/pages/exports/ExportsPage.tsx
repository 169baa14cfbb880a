import { useState, type FormEvent } from 'react';
import { POSTER_ORIENTATIONS } from '../../../../ipc/exports-schemas';
import { ErrorSummary } from '../../components/ErrorSummary';
import { WhoseRounds } from '../../components/WhoseRounds';
import { PageHeading } from '../../components/PageHeading';
import { Radios } from '../../components/Radios';
import {
  confirmErrors,
  fileNameErrors,
  fileNameOrNull,
  signerErrors,
  type SignerForm,
} from '../../lib/export-form';
import { usePerson } from '../../lib/use-person';
import { formProblem } from '../../lib/form-problem';
import { errorFor, type FieldError } from '../../lib/field-ids';
import { currentQuarterForm, toInsightsRequest } from '../../lib/insights-params';
import { ExportStatus } from './ExportStatus';
import {
  ExportButton,
  FileNameField,
  OrganisationNote,
  PersonalDataConfirm,
  SignerFields,
} from './ExportFields';
import { ExportScopeFields } from './ExportScopeFields';
import { PeriodLeftOut } from './PeriodLeftOut';
import { useExportJob, type ExportRequest } from '../../lib/use-export-job';

type Document = 'period_report' | 'you_said_we_did';
type Orientation = (typeof POSTER_ORIENTATIONS)[number];

const FORM_FIELDS = ['from', 'to', 'signerName', 'signerRole', 'attestation', 'fileName'];

const DOCUMENT_OPTIONS: { value: Document; label: string; hint: string }[] = [
  {
    value: 'period_report',
    label: 'PEIG period report',
    hint: 'Themes and sentiment with their data tables, who was heard and who was not, actions.',
  },
  {
    value: 'you_said_we_did',
    label: '“You said, we did” poster',
    hint: 'Large print, for a ward notice board or a department screen.',
  },
];

const ORIENTATION_OPTIONS: { value: Orientation; label: string }[] = [
  { value: 'portrait', label: 'Portrait (A4, for a notice board)' },
  { value: 'landscape', label: 'Landscape (for a screen)' },
];

const ATTESTATIONS: Record<Document, string> = {
  period_report:
    'I confirm this report is a fair account of what patients, carers and staff told us in this period.',
  you_said_we_did: 'I confirm these actions and their progress are accurate as of today.',
};

/** The period report and the "You said, we did" poster, each signed by the person exporting it. */
export function ExportsPage({ query }: { query: string }) {
  const [quarter] = useState(() => currentQuarterForm(new Date()));
  const [document, setDocument] = useState<Document>(
    new URLSearchParams(query).get('document') === 'poster' ? 'you_said_we_did' : 'period_report',
  );
  const [period, setPeriod] = useState({ from: quarter.from, to: quarter.to });
  const [site, setSite] = useState('');
  const [whose, setWhose] = useState('everyone');
  const [areaId, setAreaId] = useState('');
  const [orientation, setOrientation] = useState<Orientation>('portrait');
  const [signer, setSigner] = useState<SignerForm>({
    signerName: '',
    signerRole: '',
    attestation: ATTESTATIONS[document],
  });
  const [fileName, setFileName] = useState('');
  usePerson((me) =>
    setSigner((current) =>
      current.signerName === '' && current.signerRole === ''
        ? { ...current, signerName: me.name, signerRole: me.role }
        : current,
    ),
  );
  const [confirmed, setConfirmed] = useState(false);
  const [checkErrors, setErrors] = useState<FieldError[]>([]);
  const { status, start, answer, cancel } = useExportJob();
  const busy = status.state === 'starting' || status.state === 'running' || status.state === 'asking';
  // A refusal about one of the fields is shown there, like the form's own checks.
  const errors =
    checkErrors.length === 0 && status.state === 'failed'
      ? formProblem(status.error, FORM_FIELDS).errors
      : checkErrors;

  const chooseDocument = (next: Document) => {
    // The offered sentence follows the document, unless the person has written their own.
    setSigner((current) =>
      current.attestation === ATTESTATIONS[document]
        ? { ...current, attestation: ATTESTATIONS[next] }
        : current,
    );
    setDocument(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = toInsightsRequest({ ...period, site: '' });
    const found = [
      ...(checked.ok ? [] : checked.errors),
      ...signerErrors(signer),
      ...fileNameErrors(fileName),
      ...confirmErrors(confirmed),
    ];
    setErrors(found);
    if (found.length > 0) return;
    const common = {
      from: period.from,
      to: period.to,
      ...signer,
      fileName: fileNameOrNull(fileName),
      personalDataConfirmed: true as const,
    };
    const request: ExportRequest =
      document === 'period_report'
        ? { documentType: 'period_report', site: site === '' ? null : site, whose, ...common }
        : {
            documentType: 'you_said_we_did',
            areaId: areaId === '' ? null : areaId,
            whose,
            orientation,
            ...common,
          };
    start(request);
  };

  return (
    <>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <PageHeading title="Exports" hasErrors={errors.length > 0}>
        Exports
      </PageHeading>
      <p className="nhsuk-body">
        Make a signed Word document for the Patient Experience and Inclusion Group (PEIG) or for display. To
        export one round or story, sign it off from its own page first.
      </p>
      <p className="nhsuk-body">
        To give the PEIG lead your signed-off work for the trust-wide view,{' '}
        <a href="#/bundles/send">send it to PEIG</a> as a bundle.
      </p>
      <OrganisationNote />
      <form noValidate onSubmit={submit} aria-label="Export a document">
        <Radios
          field="documentType"
          legend={<h2 className="nhsuk-fieldset__heading">What do you want to export?</h2>}
          legendClass="nhsuk-fieldset__legend--m"
          options={DOCUMENT_OPTIONS}
          value={document}
          onChange={chooseDocument}
        />
        <ExportScopeFields
          document={document}
          period={period}
          onPeriod={setPeriod}
          site={site}
          onSite={setSite}
          areaId={areaId}
          onArea={setAreaId}
          errors={errors}
        />
        <WhoseRounds
          legend={document === 'period_report' ? 'Whose rounds' : 'Whose actions'}
          value={whose}
          onChange={setWhose}
        />
        {document === 'period_report' && (
          <PeriodLeftOut from={period.from} to={period.to} site={site} whose={whose} />
        )}
        {document === 'you_said_we_did' && (
          <Radios
            field="orientation"
            legend="Page layout"
            options={ORIENTATION_OPTIONS}
            value={orientation}
            onChange={setOrientation}
          />
        )}
        <h2 className="nhsuk-heading-m">Signed by</h2>
        <SignerFields
          form={signer}
          onChange={(patch) => setSigner((current) => ({ ...current, ...patch }))}
          errors={errors}
        />
        <FileNameField
          value={fileName}
          onChange={setFileName}
          error={errorFor(errors, 'fileName')}
          hint="Leave it empty for a name made from the document and its period."
        />
        <PersonalDataConfirm
          checked={confirmed}
          onChange={setConfirmed}
          error={errorFor(errors, 'personalDataConfirmed')}
        >
          I understand that observations and stories go in only as cleared in their personal details check,
          and that counts from 1 to 4 are shown as “fewer than 5”.
        </PersonalDataConfirm>
        <ExportButton busy={busy} />
      </form>
      <ExportStatus status={status} onAnswer={answer} onCancel={cancel} formFields={FORM_FIELDS} />
    </>
  );
}
