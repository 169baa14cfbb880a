import { api } from '../api-client';
import { useLoad } from '../lib/use-load';
import { Radios } from './Radios';

/**
 * "Whose rounds": everyone's (this laptop's and every contributor's imported from PEIG bundles),
 * this laptop's own, or one contributor's. Shown only once something has been imported, since
 * before then every round is this laptop's.
 */
export function WhoseRounds({
  value,
  onChange,
  legend = 'Whose rounds',
}: {
  value: string;
  onChange: (value: string) => void;
  /** What is being chosen: "Whose rounds", or "Whose actions" where actions are listed. */
  legend?: string;
}) {
  const [log] = useLoad(() => api['bundles:import-log']({}), []);
  if (log.state !== 'ready' || log.value.entries.length === 0) return null;
  const contributors = new Map(log.value.entries.map((e) => [e.contributorKeyId, e]));
  return (
    <Radios
      field="whose"
      legend={legend}
      options={[
        { value: 'everyone', label: 'Everyone’s: this laptop’s and every imported bundle’s' },
        { value: 'mine', label: 'Only those recorded on this laptop' },
        ...[...contributors.values()].map((c) => ({
          value: c.contributorKeyId,
          label: `Only ${c.contributorName}’s`,
          hint: `Key ${c.fingerprint}`,
        })),
      ]}
      value={value}
      onChange={onChange}
    />
  );
}
