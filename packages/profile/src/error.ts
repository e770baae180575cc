/** One problem in a profile file: where (a path like `towns[2].aliases[1]`, or a line and column) and what. */
export interface ProfileIssue {
  path: string;
  message: string;
}

/** A profile file that cannot be used. The message is in Chinese and meant for the analyst. */
export class ProfileError extends Error {
  override readonly name = "ProfileError";
  /** The file as shown in the message (relative to the working directory when inside it). */
  readonly file: string;
  readonly issues: readonly ProfileIssue[];

  constructor(message: string, file: string, issues: readonly ProfileIssue[] = [], options?: ErrorOptions) {
    super(message, options);
    this.file = file;
    this.issues = issues;
  }
}
