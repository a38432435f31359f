import { z } from 'zod';
import { keepsTextRule } from './text';

/** An ISO 8601 instant with an offset; the backend always writes UTC (`...Z`) with milliseconds. */
export const instantSchema = z.iso.datetime({ offset: true });

/** Identifiers are opaque strings chosen by the backend. */
export const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'expected an id of letters, digits and _.:-');

/** Row versions grow with every change of a row; the higher version wins. */
export const versionSchema = z.number().int().nonnegative();

export const emailSchema = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'expected an e-mail address')
  .check(keepsTextRule('single'));
