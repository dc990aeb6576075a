import { z } from 'zod';

export const origin = z
  .string()
  .url()
  .transform((value, ctx) => {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      ctx.addIssue({ code: 'custom', message: 'origin must be http(s)' });
      return z.NEVER;
    }
    return url.origin;
  });

export const siteCreate = z
  .object({ name: z.string().trim().min(1).max(120), origins: z.array(origin).min(1).max(20) })
  .strict();
export type SiteCreate = z.input<typeof siteCreate>;

export const siteUpdate = z
  .object({
    name: z.string().trim().min(1).max(120),
    origins: z.array(origin).min(1).max(20),
  })
  .partial()
  .strict();

export const ownerSessionRequest = z
  .object({ siteId: z.string().min(1).max(64), key: z.string().min(1).max(200) })
  .strict();
export type OwnerSessionRequest = z.infer<typeof ownerSessionRequest>;

export type OwnerSession = { token: string; expiresAt: string; siteId: string };
export type OwnerSite = { id: string; name: string; origins: string[]; createdAt: string };
