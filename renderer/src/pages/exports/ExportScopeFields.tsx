// Which observations a period report or poster covers: the period, and a site (report) or an
// area (poster), chosen from those of earlier rounds.
import type { Dispatch, SetStateAction } from 'react';
import { api } from '../../api-client';
import { PeriodFieldset, SelectField, SiteSelect } from '../../components/SelectField';
import { errorFor, type FieldError } from '../../lib/field-ids';
import { useLoad } from '../../lib/use-load';

type Period = { from: string; to: string };

type Props = {
  document: 'period_report' | 'you_said_we_did';
  period: Period;
  onPeriod: Dispatch<SetStateAction<Period>>;
  site: string;
  onSite: (site: string) => void;
  areaId: string;
  onArea: (areaId: string) => void;
  errors: readonly FieldError[];
};

export function ExportScopeFields(props: Props) {
  const { document, period, onPeriod, site, onSite, areaId, onArea, errors } = props;
  const [rounds] = useLoad(() => api['rounds:list']({}), []);
  const sites = rounds.state === 'ready' ? [...new Set(rounds.value.map((r) => r.site))].sort() : [];
  const [knownAreas] = useLoad(() => api['areas:list']({}), []);
  const areas = new Map<string, string>();
  if (knownAreas.state === 'ready') {
    for (const area of knownAreas.value) areas.set(area.id, `${area.name}, ${area.site}`);
  }

  return (
    <div className="nhsuk-form-group">
      <PeriodFieldset
        hintId="export-period-hint"
        from={period.from}
        to={period.to}
        onChange={(change) => onPeriod((p) => ({ ...p, ...change }))}
        errors={{ from: errorFor(errors, 'from'), to: errorFor(errors, 'to') }}
      >
        {document === 'period_report' ? (
          <SiteSelect value={site} onChange={onSite} sites={sites} />
        ) : (
          <SelectField field="areaId" label="Area" value={areaId} onChange={onArea}>
            <option value="">All areas</option>
            {[...areas].map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        )}
      </PeriodFieldset>
    </div>
  );
}
