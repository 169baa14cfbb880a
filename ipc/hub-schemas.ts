// The trust hub's channels: where the hub is (the password goes in and never comes back out),
// testing it, what is queued and what the last publish and pull moved, and publishing and
// pulling as jobs with progress and cancel.
import { z } from 'zod';
import { BundleCounts, RecordKindCounts } from './bundle-units-schemas';
import { ERROR_KINDS } from './errors';
import { emptyRequest, isoDateTime, jobRequest, jobStatus } from './schema-parts';

/** Hosts a laptop may reach without TLS: this computer only, for trying the hub out. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;
export const isLoopbackHost = (host: string) => (LOOPBACK_HOSTS as readonly string[]).includes(host);

const PEM_CERTIFICATE = /^-----BEGIN CERTIFICATE-----/;

const host = z
  .string({ message: 'Enter the hub’s server name' })
  .trim()
  .min(1, { message: 'Enter the hub’s server name, for example hub.example.nhs.uk' })
  .max(253, { message: 'The server name must be 253 characters or fewer' })
  .regex(/^[A-Za-z0-9.:-]+$/, {
    message: 'The server name can only have letters, numbers, dots, hyphens and colons',
  });
// PostgreSQL's own limit for a database or role name is 63 bytes.
const name = (what: string) =>
  z
    .string({ message: `Enter the ${what}` })
    .trim()
    .min(1, { message: `Enter the ${what}` })
    .max(63, { message: `The ${what} must be 63 characters or fewer` });

export const saveConnectionRequest = z
  .object({
    host,
    port: z.coerce
      .number({ message: 'Enter the port as a number, for example 5432' })
      .int({ message: 'Enter the port as a whole number, for example 5432' })
      .min(1, { message: 'The port must be between 1 and 65535' })
      .max(65_535, { message: 'The port must be between 1 and 65535' }),
    database: name('database name'),
    user: name('user name'),
    /** Left out to keep the password already saved. */
    password: z
      .string()
      .min(1, { message: 'Enter the password IT gave you for the trust hub' })
      .max(1000, { message: 'The password must be 1000 characters or fewer' })
      .optional(),
    /**
     * The trust's CA certificate, pasted (PEM) or as the path of its file; left out to keep the
     * one saved, null for none (only for a hub on this computer).
     */
    caCertificate: z
      .string()
      .trim()
      .max(20_000, { message: 'That is too long to be a CA certificate or its file’s path' })
      .nullable()
      .optional(),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.caCertificate === '' || (value.caCertificate === null && !isLoopbackHost(value.host))) {
      context.addIssue({
        code: 'custom',
        path: ['caCertificate'],
        message:
          'Add the trust’s CA certificate: a hub on another computer is only reached over TLS checked against it',
      });
    }
  });

export const isPemCertificate = (text: string) => PEM_CERTIFICATE.test(text);

export const HeldRecord = z.object({
  unitId: z.string(),
  kind: z.string(),
  fingerprint: z.string(),
  reason: z.string(),
});

export const HubStatus = z.object({
  connection: z
    .object({
      host: z.string(),
      port: z.number().int(),
      database: z.string(),
      user: z.string(),
      hasCaCertificate: z.boolean(),
    })
    .nullable(),
  /** Bundles waiting in the outbox. */
  queued: z.number().int().min(0),
  lastPublish: z.object({ at: isoDateTime, counts: BundleCounts }).nullable(),
  lastPull: z
    .object({ at: isoDateTime, added: RecordKindCounts, skipped: RecordKindCounts, held: z.number().int() })
    .nullable(),
  /** Records pulled but not merged (untrusted signer, bad signature, a conflict), with why. */
  held: z.array(HeldRecord),
  /** When the outbox will next be tried by itself, and why the last try failed. */
  retry: z.object({ nextAttemptAt: isoDateTime.nullable(), lastError: z.string().nullable() }),
});

export const HubTest = z.object({ message: z.string() });

export const PublishResult = z.object({
  kind: z.literal('publish'),
  published: z.number().int(),
  alreadyThere: z.number().int(),
  units: z.number().int(),
  stillQueued: z.number().int(),
});
export const PullResult = z.object({
  kind: z.literal('pull'),
  added: RecordKindCounts,
  skipped: RecordKindCounts,
  held: z.array(z.object({ unitId: z.string(), reason: z.string() })),
});

export const HubJob = jobStatus(
  z.discriminatedUnion('kind', [PublishResult, PullResult]),
  z.object({
    kind: z.enum(ERROR_KINDS),
    message: z.string(),
    field: z.string().optional(),
    detail: z.string().optional(),
  }),
);

export const hubChannels = {
  'hub:status': { request: emptyRequest, response: HubStatus },
  'hub:save-connection': { request: saveConnectionRequest, response: HubStatus },
  'hub:test-connection': { request: emptyRequest, response: HubTest },
  'hub:publish-start': { request: emptyRequest, response: HubJob },
  'hub:pull-start': { request: emptyRequest, response: HubJob },
  'hub:job-status': { request: jobRequest, response: HubJob },
  'hub:job-cancel': { request: jobRequest, response: HubJob },
} as const;
