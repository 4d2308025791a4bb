/**
 * Errors as office.js reports them: an `OfficeExtension.Error` named "RichApi.Error" with a code,
 * a message and `debugInfo.errorLocation` (the failing request, e.g. "Range.values"). Shape and
 * codes from https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
 * and https://learn.microsoft.com/javascript/api/office/officeextension.error ; an example of the
 * object Excel returns is in OfficeDev/office-js #1025.
 */

/** The codes the model raises (Excel's `ErrorCodes`). */
export type ModelErrorCode =
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "GeneralException"
  | "InvalidOperationInCellEditMode"
  | "ApiNotFound"
  | "AccessDenied"
  | "FilteredRangeConflict"
  | "MergedRangeConflict";

export interface ModelErrorDebugInfo {
  readonly code: string;
  readonly message: string;
  /** "Class.member" of the request that failed. */
  readonly errorLocation?: string;
  /** The model's description of the request ("Range.values = Facts!A2:P100"). */
  readonly statement?: string;
}

export class ModelError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: ModelErrorDebugInfo;

  constructor(
    readonly code: ModelErrorCode,
    message: string,
    errorLocation?: string,
    statement?: string
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation, statement };
  }

  /** The same error, now located at a request. */
  at(errorLocation: string, statement: string): ModelError {
    return new ModelError(this.code, this.message, errorLocation, statement);
  }
}

/** The messages office.js and Excel give for these codes (English). */
export const MESSAGES = {
  itemNotFound: "The requested resource doesn't exist.",
  invalidArgument: "The argument is invalid or missing or has an incorrect format.",
  dimensions:
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  payload:
    'The request payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  response:
    'The response payload size has exceeded the limit. Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".',
  alreadyExists: "The resource already exists.",
  invalidOperation: "The operation is invalid for the object.",
} as const;

/**
 * office.js's client-side error for reading a property that was not loaded (the text of
 * OfficeExtension's PropertyNotLoaded resource string).
 */
export function propertyNotLoaded(property: string): ModelError {
  return new ModelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}
