import { useState, type FormEvent } from 'react';
import { fieldId } from '../../lib/field-ids';

type Props = {
  points: readonly string[];
  readOnly: boolean;
  onChange: (points: string[]) => void;
};

/** Learning points are added whole, so an empty one never reaches the autosave. */
export function LearningPointsField({ points, readOnly, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const id = fieldId('learningPoints-new');

  const add = (event: FormEvent) => {
    event.preventDefault();
    const point = draft.trim();
    if (point === '') return;
    onChange([...points, point]);
    setDraft('');
  };

  return (
    <>
      {points.length === 0 ? (
        <p className="nhsuk-body-s">No learning points yet.</p>
      ) : (
        <ol className="nhsuk-list nhsuk-list--number pxr-story-points">
          {points.map((point, index) => (
            <li key={`${index}:${point}`} id={fieldId(`learningPoints.${index}`)} tabIndex={-1}>
              {point}{' '}
              {!readOnly && (
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small pxr-inline-button"
                  onClick={() => onChange(points.filter((_, i) => i !== index))}
                >
                  Remove<span className="nhsuk-u-visually-hidden"> learning point {index + 1}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <form noValidate onSubmit={add} className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={id}>
            Add a learning point
          </label>
          <input
            className="nhsuk-input"
            id={id}
            type="text"
            value={draft}
            autoComplete="off"
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary pxr-story-add">
            Add learning point
          </button>
        </form>
      )}
    </>
  );
}
