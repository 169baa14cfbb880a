import { PageHeading } from '../../components/PageHeading';
import { SHORTCUTS } from '../../lib/shortcuts';

/** Every keyboard shortcut, and the letters that pick a choice in the capture form. */
export function ShortcutsPage() {
  return (
    <>
      <PageHeading title="Keyboard shortcuts">Keyboard shortcuts</PageHeading>
      <p className="nhsuk-body-l">
        Hold Alt and Shift (Option and Shift on a Mac) and press a letter to go straight to a part of PX
        Rounds, from any page, without tabbing back through the menu.
      </p>
      <table className="nhsuk-table pxr-shortcuts">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m">
          Going to a part of PX Rounds
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Keys
            </th>
            <th scope="col" className="nhsuk-table__header">
              Goes to
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {SHORTCUTS.map((shortcut) => (
            <tr className="nhsuk-table__row" key={shortcut.letter}>
              <td className="nhsuk-table__cell">
                <kbd>Alt</kbd> + <kbd>Shift</kbd> + <kbd>{shortcut.letter}</kbd>
              </td>
              <td className="nhsuk-table__cell">{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="nhsuk-heading-m">Capturing an observation</h2>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>
          Each choice shows its letter. With the cursor on the kind, press S (seen), H (heard), Q (quote) or E
          (environment): the cursor moves on to who it was from.
        </li>
        <li>
          Then press P (patient), C (carer or family), S (staff), V (volunteer), I (visitor) or N (not
          applicable): the cursor moves on to the text box.
        </li>
        <li>
          After the words, Tab reaches the tags: type the start of a theme and press Enter. The sentiment
          takes P (positive), N (negative), E (neutral) or M (mixed).
        </li>
        <li>
          <kbd>Ctrl</kbd> + <kbd>Enter</kbd> finishes the observation and starts the next one, with the cursor
          on its kind.
        </li>
      </ul>
    </>
  );
}
