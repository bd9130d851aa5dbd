/** An error answered in the Veridox envelope `{error_code, error_message, error_details?}` (docs/veridox-api.md §5). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }

  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { error_code: this.code, error_message: this.message }
    if (this.details) body.error_details = this.details
    return body
  }
}

// Codes and messages copied from the docs where they exist; the rest are marked **Assumption** in docs/simulator.md.
export const apiErrors = {
  unauthorised: () => new ApiError(401, 'request.authentication.invalid-token', 'Unauthorised (invalid or missing authentication token)'),
  caseNotFound: () => new ApiError(404, 'request.cases.case.not-found', 'Case not found.'),
  fileNotFound: () => new ApiError(404, 'request.cases.file.not-found', 'File not found.'),
  invalid: (field: string, reason: string) =>
    new ApiError(400, 'request.validation.invalid', `Invalid request: ${field} ${reason}.`, { field, reason }),
  labelTaken: () => new ApiError(409, 'request.cases.case.label-conflict', 'A case with this label already exists.', { field: 'label' }),
  alreadyLocked: () => new ApiError(409, 'request.cases.case.already-locked', 'The case is locked: files can no longer be added.'),
  missingRiskScore: () =>
    new ApiError(
      409,
      'request.cases.file.missing-risk-score',
      'User tried to perform an invalid operation on a file without a risk score.',
    ),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(429, 'request.rate-limit', 'Too many requests. Please try again later.', undefined, {
      'retry-after': String(retryAfterSeconds),
    }),
  routeNotFound: () => new ApiError(404, 'request.route.not-found', 'No such endpoint.'),
  methodNotAllowed: (allowed: string[]) =>
    new ApiError(405, 'request.method-not-allowed', 'Method not allowed on this endpoint.', undefined, { allow: allowed.join(', ') }),
  payloadTooLarge: () => new ApiError(413, 'request.payload-too-large', 'The request body is too large.'),
  serverError: (status: number) =>
    new ApiError(status, 'request.server-error', 'The server could not handle the request. Please try again later.'),
  uploadRefused: () => new ApiError(403, 'blob.authentication-failed', 'The upload URL is invalid or has expired.'),
}
