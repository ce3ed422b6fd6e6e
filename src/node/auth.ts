// The `node` export condition of `clerk-bapi/auth`: the same API, with the native signature check installed.
import { useSignatureCheck } from '../auth/verify-signature.js';
import { nodeSignatureCheck } from './node-signature-check.js';

useSignatureCheck(nodeSignatureCheck);

export * from '../auth/index.js';
