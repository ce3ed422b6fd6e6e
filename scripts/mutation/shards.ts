// The shards of `npm run mutate`'s scope, shared by scripts/mutation-shards.ts (runs them) and
// scripts/mutation-score.ts (adds their reports up).

/** Each shard: a name and the globs it mutates. Together they cover stryker.config.json's `mutate` exactly once. */
export const SHARDS: ReadonlyArray<{ name: string; mutate: string[] }> = [
  {
    name: 'auth-jws',
    mutate: [
      'src/auth/{algorithms,base64url,copy-claims,decode-jwt,errors,has-valid-signature,header-checks,index}.ts',
      'src/auth/{rsa-key,safe-detail,verify-compact,verify-jwt,verify-signature}.ts',
    ],
  },
  {
    name: 'auth-jwks',
    mutate: ['src/auth/{jwks-engine,jwks-fetch,jwks-parse}.ts'],
  },
  {
    name: 'auth-key-sources',
    mutate: ['src/auth/{key-set-registry,key-source,token-cache,publishable-key}.ts'],
  },
  {
    name: 'auth-verifiers',
    mutate: ['src/auth/{verifier-registry,create-token-verifier,options,option-rules}.ts'],
  },
  {
    name: 'auth-claims',
    mutate: ['src/auth/{claim-checks,claims,session-checks,org-permissions}.ts'],
  },
  {
    name: 'auth-has',
    mutate: ['src/auth/request/{has,auth-object,machine-auth-object}.ts'],
  },
  {
    name: 'auth-request',
    mutate: [
      'src/auth/request/{authenticate-request,run-authentication,read-token,request-state,decide-access}.ts',
      'src/auth/request/{cookie-suffix,parse-cookies,client-authenticate}.ts',
    ],
  },
  {
    name: 'auth-machine',
    mutate: [
      'src/auth/request/**/*.ts',
      '!src/auth/request/{has,auth-object,machine-auth-object}.ts',
      '!src/auth/request/{authenticate-request,run-authentication,read-token,request-state,decide-access}.ts',
      '!src/auth/request/{cookie-suffix,parse-cookies,client-authenticate}.ts',
    ],
  },
  {
    name: 'core-send',
    mutate: [
      'src/core/{attempt-fetch,attempt-signal,bounded-map,create-transport,interpret-response,number-checks}.ts',
      'src/core/{multipart-body,race-abort,read-body,request-body,request-options,response-errors,retry-policy}.ts',
      'src/core/{send-operation,sleep,url-checks}.ts',
    ],
  },
  {
    name: 'core-client',
    mutate: ['src/core/{create-api-client,client-options,describe-failure,path-params,query-serializer}.ts'],
  },
  {
    name: 'core-params',
    mutate: [
      'src/core/{shape,check-params,check-param-values,describe-mismatch,validate-response,paged-response}.ts',
      'src/core/standalone-operation.ts',
    ],
  },
  {
    name: 'core-results',
    mutate: [
      'src/core/**/*.ts',
      '!src/core/{attempt-fetch,attempt-signal,bounded-map,create-transport,interpret-response,number-checks}.ts',
      '!src/core/{multipart-body,race-abort,read-body,request-body,request-options,response-errors,retry-policy}.ts',
      '!src/core/{send-operation,sleep,url-checks}.ts',
      '!src/core/{create-api-client,client-options,describe-failure,path-params,query-serializer}.ts',
      '!src/core/{shape,check-params,check-param-values,describe-mismatch,validate-response,paged-response}.ts',
      '!src/core/standalone-operation.ts',
    ],
  },
];
