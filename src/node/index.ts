// The `node` export condition of `clerk-bapi`: the same API, with the native signature check installed.
import './auth.js';

export * from '../index.js';
