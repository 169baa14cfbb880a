import type { z } from 'zod';
import { channels, isChannelName, type ChannelName } from '../ipc/contract';
import { AppError, type AppErrorShape, type Result } from '../ipc/errors';
import { findUnstorableText } from '../ipc/schema-parts';
import type { Handler, HandlerMap } from './handler-types';

// The one handler registry: channel → zod schema → handler. Electron's ipcMain and the
// browser host both call `dispatch`, so validation and error mapping happen in one place.

export type Handlers = HandlerMap<ChannelName>;
export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

function issueField(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
    return [...issue.path, issue.keys[0]].join('.');
  }
  return issue.path.length > 0 ? issue.path.join('.') : 'request';
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `“${issue.keys.join('”, “')}” is not something this form accepts`;
  return issue.message;
}

type SqliteLikeError = { code?: unknown; message?: unknown };

/** Turns anything a handler throws into an error the UI can put in plain words. */
export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  const { code, message } = (error ?? {}) as SqliteLikeError;
  const text = typeof message === 'string' ? message : '';
  if (text.startsWith('locked:'))
    return { kind: 'locked', message: `This can no longer be changed: ${text.slice(7).trim()}.` };
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return {
      kind: 'not_found',
      message: 'Something this refers to could not be found. It may have been deleted.',
    };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return {
      kind: 'corrupt',
      message: 'The data file is damaged. Your last backup can be restored from the data folder.',
    };
  }
  if (code === 'SQLITE_FULL')
    return { kind: 'storage', message: 'The disk is full, so your work could not be saved.' };
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { kind: 'storage', message: 'The data file is busy. Please try again in a moment.' };
  }
  console.error('Unexpected error in a handler:', error);
  return {
    kind: 'storage',
    message: 'Something went wrong while saving or loading. Your work has not been changed.',
  };
}

export function createDispatcher(handlers: Handlers): Dispatch {
  return async (channel, payload) => {
    if (!isChannelName(channel)) {
      return {
        ok: false,
        error: { kind: 'validation', message: 'This request is not one PX Rounds knows.', field: 'channel' },
      };
    }
    const unstorable = findUnstorableText(payload);
    if (unstorable) {
      return {
        ok: false,
        error: {
          kind: 'validation',
          message: 'This contains characters that are not valid text, so it was not saved.',
          field: unstorable.length > 0 ? unstorable.join('.') : 'request',
        },
      };
    }
    const parsed = channels[channel].request.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return {
        ok: false,
        error: { kind: 'validation', message: issueMessage(issue), field: issueField(issue) },
      };
    }
    try {
      const handler = handlers[channel] as Handler<typeof channel>;
      return { ok: true, value: await handler(parsed.data as never) };
    } catch (error) {
      return { ok: false, error: toErrorShape(error) };
    }
  };
}
