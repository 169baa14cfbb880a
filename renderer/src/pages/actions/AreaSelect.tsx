import type { ResponseOf } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { SelectField } from '../../components/SelectField';
import { useLoad } from '../../lib/use-load';

export type AreaChoice = ResponseOf<'areas:list'>[number];

/** "Ward 3, Sutton": the same ward name can be at two sites, so the site is always said. */
export function areaLabel(area: Pick<AreaChoice, 'name' | 'site'>): string {
  return `${area.name}, ${area.site}`;
}

/** Every area PX Rounds knows, by name; loads them itself. */
export function useAreas(site: string | null = null): readonly AreaChoice[] {
  const [areas] = useLoad(() => api['areas:list']({ site }), [site]);
  return areas.state === 'ready' ? areas.value : [];
}

type Props = {
  field: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (areaId: string) => void;
  error?: string;
  bold?: boolean;
  /** The first choice, meaning "none" or "any": "No area", "Any area". */
  emptyLabel: string;
};

/** A select of every area, for an action's area or the board's area filter. */
export function AreaSelect({ emptyLabel, ...field }: Props) {
  const areas = useAreas();
  return (
    <SelectField {...field}>
      <option value="">{emptyLabel}</option>
      {areas.map((area) => (
        <option key={area.id} value={area.id}>
          {areaLabel(area)}
        </option>
      ))}
    </SelectField>
  );
}
