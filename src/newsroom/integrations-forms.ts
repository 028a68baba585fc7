import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../webhooks/index.js';
import { type FormBody, type FormResult, field, fieldValues, validate } from './forms.js';

// The forms of the API keys and webhooks pages. Messages are UI string keys (apiKeys.error.*,
// webhooks.error.*).

export interface ApiKeyFormValues {
  name: string;
  kind: string;
  userId: string;
}

export function apiKeyFormValues(body: FormBody): ApiKeyFormValues {
  return { name: field(body, 'name'), kind: field(body, 'kind'), userId: field(body, 'userId') };
}

const ApiKeyForm = z
  .object({
    name: z.string().trim().min(1, 'apiKeys.error.name').max(80, 'apiKeys.error.name'),
    kind: z.enum(['content', 'staff'], 'apiKeys.error.kind'),
    userId: z.string().regex(/^\d{0,10}$/, 'apiKeys.error.user'),
  })
  .superRefine((input, ctx) => {
    if (input.kind === 'staff' && input.userId === '') {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'apiKeys.error.user' });
    }
  })
  .transform((input) => ({
    name: input.name,
    kind: input.kind,
    userId: input.kind === 'staff' ? Number(input.userId) : null,
  }));

export function parseApiKeyForm(values: ApiKeyFormValues): FormResult<z.output<typeof ApiKeyForm>> {
  return validate(ApiKeyForm, values);
}

export interface WebhookFormValues {
  url: string;
  events: string[];
  active: boolean;
}

export function webhookFormValues(body: FormBody): WebhookFormValues {
  return {
    url: field(body, 'url'),
    events: fieldValues(body, 'events'),
    active: field(body, 'active') === 'on',
  };
}

const WebhookForm = z.object({
  url: z
    .string()
    .trim()
    .max(2000, 'webhooks.error.url')
    .pipe(z.url({ protocol: /^https?$/, error: 'webhooks.error.url' })),
  events: z.array(z.enum(WEBHOOK_EVENTS, 'webhooks.error.events')).min(1, 'webhooks.error.events'),
  active: z.boolean(),
});

export function parseWebhookForm(values: WebhookFormValues): FormResult<z.output<typeof WebhookForm>> {
  return validate(WebhookForm, values);
}
