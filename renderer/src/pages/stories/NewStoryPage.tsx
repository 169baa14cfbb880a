import { useState, type FormEvent } from 'react';
import { api } from '../../api-client';
import { usePerson } from '../../lib/use-person';
import { FormErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { Radios } from '../../components/Radios';
import { errorFor } from '../../lib/field-ids';
import { hrefFor } from '../../lib/routes';
import { navigate } from '../../router';
import { STORYTELLER_TYPES, type StorytellerType } from '../../../../ipc/vocabulary';
import { formProblem, NO_PROBLEM, type FormProblem } from '../../lib/form-problem';
import { STORYTELLER_LABELS } from './story-labels';
import { TextField } from '../../components/TextField';

const STORYTELLER_OPTIONS = STORYTELLER_TYPES.map((value) => ({ value, label: STORYTELLER_LABELS[value] }));

/**
 * The few details a story needs before it exists; the narrative is written on the story's own
 * page, where it is autosaved from the first word.
 */
export function NewStoryPage() {
  const [title, setTitle] = useState('');
  const [storyteller, setStoryteller] = useState<StorytellerType | null>(null);
  const [author, setAuthor] = useState('');
  usePerson((me) => setAuthor((current) => (current === '' ? me.name : current)));
  const [saving, setSaving] = useState(false);
  const [{ errors, problem }, setProblem] = useState<FormProblem>(NO_PROBLEM);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (storyteller === null) {
      setProblem({
        errors: [{ field: 'storyteller', message: 'Choose whether a patient or a carer told the story' }],
        problem: null,
      });
      return;
    }
    setSaving(true);
    const result = await api['stories:create']({ title, storyteller, author });
    setSaving(false);
    if (!result.ok) {
      setProblem(formProblem(result.error));
      return;
    }
    navigate({ name: 'story', storyId: result.value.id, step: 'text' });
  };

  const hasErrors = errors.length > 0 || problem !== null;
  return (
    <>
      <a className="nhsuk-back-link" href={hrefFor({ name: 'stories', query: '' })}>
        Back to stories
      </a>
      <PageHeading title="Write a story" hasErrors={hasErrors}>
        Write a story
      </PageHeading>
      <FormErrorSummary errors={errors} problem={problem} />
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          field="title"
          label="Title"
          hint="A few words that say what the story is about, without names."
          value={title}
          onChange={setTitle}
          error={errorFor(errors, 'title')}
        />
        <Radios
          field="storyteller"
          legend="Who told the story?"
          options={STORYTELLER_OPTIONS}
          value={storyteller}
          onChange={setStoryteller}
          error={errorFor(errors, 'storyteller')}
        />
        <TextField
          field="author"
          label="Your name"
          hint="The person writing the story up."
          value={author}
          onChange={setAuthor}
          autoComplete="name"
          width="nhsuk-input--width-20"
          error={errorFor(errors, 'author')}
        />
        <button type="submit" className="nhsuk-button" disabled={saving}>
          Start writing
        </button>
      </form>
    </>
  );
}
