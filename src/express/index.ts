export { clerkWebhook, type ClerkWebhookContext, type ClerkWebhookHandler, type ClerkWebhookOptions } from './clerk-webhook.js';
