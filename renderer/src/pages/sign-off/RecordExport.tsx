import { useState, type FormEvent } from 'react';
import type { SignOffKind } from '../../../../ipc/sign-off-schemas';
import { CONSENT_SCOPES, type ConsentScope } from '../../../../ipc/vocabulary';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { confirmErrors, fileNameErrors, fileNameOrNull } from '../../lib/export-form';
import { formProblem } from '../../lib/form-problem';
import { errorFor, type FieldError } from '../../lib/field-ids';
import { ExportButton, FileNameField, OrganisationNote, PersonalDataConfirm } from '../exports/ExportFields';
import { ExportStatus } from '../exports/ExportStatus';
import { useExportJob, type ExportRequest } from '../../lib/use-export-job';
import { CONSENT_SCOPE_LABELS } from '../stories/story-labels';

const FORM_FIELDS = ['audience', 'fileName'];

const AUDIENCE_OPTIONS = CONSENT_SCOPES.map((value) => ({ value, label: CONSENT_SCOPE_LABELS[value] }));

/** "Export as Word document" for a signed-off round or story: signed with the sign-off's key. */
export function RecordExport({ kind, id }: { kind: SignOffKind; id: string }) {
  const { status, start, answer, cancel } = useExportJob();
  const [fileName, setFileName] = useState('');
  const [audience, setAudience] = useState<ConsentScope | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const busy = status.state === 'starting' || status.state === 'running' || status.state === 'asking';
  // A refusal about the audience or the file name is shown at that field, like the form's own.
  const shown =
    errors.length === 0 && status.state === 'failed' ? formProblem(status.error, FORM_FIELDS).errors : errors;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = [
      ...(kind === 'story' && audience === null
        ? [{ field: 'audience', message: 'Choose who the story is for' }]
        : []),
      ...fileNameErrors(fileName),
      ...confirmErrors(confirmed),
    ];
    setErrors(found);
    if (found.length > 0) return;
    const common = { fileName: fileNameOrNull(fileName), personalDataConfirmed: true as const };
    const request: ExportRequest =
      kind === 'round'
        ? { documentType: 'round_summary', roundId: id, ...common }
        : { documentType: 'story', storyId: id, audience: audience ?? 'peig', ...common };
    start(request);
  };

  return (
    <>
      <form noValidate onSubmit={submit} aria-label="Export as Word document">
        {shown.length > 0 && <ErrorSummary errors={shown} />}
        <p className="nhsuk-body">
          The document is signed with the sign-off above and saved in the exports folder, with a signature
          file beside it.
        </p>
        <OrganisationNote />
        {kind === 'story' && (
          <Radios
            field="audience"
            legend="Who is the story for?"
            hint="The storyteller’s consent must cover it."
            options={AUDIENCE_OPTIONS}
            value={audience}
            onChange={setAudience}
            error={errorFor(shown, 'audience')}
          />
        )}
        <FileNameField
          value={fileName}
          onChange={setFileName}
          error={errorFor(shown, 'fileName')}
          hint={`Leave it empty for a name made from the ${kind} and its date.`}
        />
        <PersonalDataConfirm
          checked={confirmed}
          onChange={setConfirmed}
          error={errorFor(errors, 'personalDataConfirmed')}
        >
          I have read the personal details check above. What was kept, with its reason, will be in the
          document.
        </PersonalDataConfirm>
        <ExportButton busy={busy} />
      </form>
      <ExportStatus status={status} onAnswer={answer} onCancel={cancel} formFields={FORM_FIELDS} />
    </>
  );
}
