/** Usage texts, printed for --help (and the main one when no command is given); a usage error names only its mistake. */

export const MAIN_USAGE = `Usage: lightspeed-retail <command> [options]

Commands:
  run <function>   run a trigger or action of the component locally (JSON lines on stdout)
  auth             authorize your Lightspeed API client and get a refresh token

Run "lightspeed-retail <command> --help" for a command's options.`;

export const RUN_USAGE = `Usage: lightspeed-retail run <function> --credential credential.json --cfg step.json [--msg msg.json] [options]

  <function>               a trigger or action key of component.json (pollingEntity, lookupObjectById, ...)
                           or verifyCredentials
  --credential <file>      the credential in its own file; rotated tokens are written back to it
  --cfg <file>             the step's fields, merged with the credential as sailor passes cfg
  --msg <file>             the incoming message body (default {}); a file {"body": {...}, ...} is taken as the
                           whole message
  --snapshot <file>        snapshot from an earlier run (triggers)
  --snapshot-out <file>    write the last emitted snapshot here
  --save-credential <file> write the credential with a rotated refresh token here (needed when the credential
                           comes only from environment variables)
  --method <name>          call another export: getMetaModel, or a select model such as getObjectTypes
  --debug                  sample mode, as "Retrieve sample" (ELASTICIO_FLOW_TYPE=debug)
  --verbose                also print debug logs (each HTTP request)
  --help                   this text

Environment: LIGHTSPEED_CLIENT_ID, LIGHTSPEED_CLIENT_SECRET, LIGHTSPEED_REFRESH_TOKEN, LIGHTSPEED_ACCOUNT_ID,
LIGHTSPEED_ENVIRONMENT_URL and LIGHTSPEED_TOKEN_URL fill credential fields the files leave empty.

Emitted events go to stdout as JSON lines ({"event":"data","body":{...}}), logs to stderr. A rotated refresh
token is written back to the file the credential came from. Keep these files in local/ (git-ignored).
Exit code: 0 done, 1 the function failed, 2 usage.`;

export const AUTH_USAGE = `Usage: lightspeed-retail auth --client-id <id> --client-secret <secret> --redirect-uri <uri> [options]

  --client-id <id>            your API client's ID (or LIGHTSPEED_CLIENT_ID)
  --client-secret <secret>    its secret (or LIGHTSPEED_CLIENT_SECRET)
  --redirect-uri <uri>        the redirect URI registered for the client
  --scope <scopes>            space-separated scopes (default "employee:all"), e.g.
                              "employee:inventory employee:customers employee:register_read"
  --code <code>               an authorization code you already have (skips the browser step)
  --save-credential <file>    write the credential (with the refresh token) to this file instead of printing the token
  --authorize-url <url>       default https://cloud.lightspeedapp.com/auth/oauth/authorize
  --token-url <url>           default https://cloud.lightspeedapp.com/auth/oauth/token
  --environment-url <url>     API host, default https://api.lightspeedapp.com
  --help                      this text

Open the printed URL, approve, and paste the address you are redirected to (or just its code). With a redirect
URI on http://localhost or http://127.0.0.1 the helper catches the redirect itself.`;
