import type { ResponseOf } from '../../../../ipc/contract';
import { AGREEMENT_BANDS, describeAgreement } from '../../lib/kappa-words';

type Sentiment = ResponseOf<'insights:get'>['sentiment'];

/** How well the app's suggested sentiment matched what people confirmed, in plain words. */
export function AgreementPanel({ sentiment }: { sentiment: Sentiment }) {
  const words = describeAgreement(sentiment);
  return (
    <section aria-labelledby="agreement-heading" className="pxr-section pxr-panel">
      <h2 className="nhsuk-heading-m" id="agreement-heading">
        How often the suggested sentiment was kept
      </h2>
      <p className="nhsuk-heading-s pxr-kappa">Agreement: {words.headline}</p>
      <p>{words.basis}</p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>{words.overridden}</li>
        <li>{words.unconfirmed}</li>
      </ul>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">What the agreement words mean</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>
            Agreement is Cohen’s kappa, named with the bands of Landis and Koch (1977). It allows for the
            agreement that would happen by chance.
          </p>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Agreement bands</caption>
            <thead className="nhsuk-table__head">
              <tr>
                <th scope="col" className="nhsuk-table__header">
                  Kappa
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Agreement
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {AGREEMENT_BANDS.map((band) => (
                <tr className="nhsuk-table__row" key={band.name}>
                  <td className="nhsuk-table__cell">{band.range}</td>
                  <td className="nhsuk-table__cell">{band.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
