/** One accepted attachment type: checked by file extension and by MIME type. */
export interface AttachmentType {
  /** Lower-case extension without the dot, e.g. `pdf`. */
  extension: string;
  /** MIME types accepted for this extension, e.g. `application/pdf`. */
  mimeTypes: string[];
}

export interface AttachmentRules {
  /** Largest accepted file, in bytes. */
  maxBytes: number;
  /** Most files on one message (the manual shows one). */
  maxFiles: number;
  allowedTypes: AttachmentType[];
}

/** Settings the server decides and the elements follow. */
export interface ServerConfig {
  attachments: AttachmentRules;
  /** Longest accepted message body, in characters. */
  messageMaxLength: number;
  /** Expected reply time shown to employer users, in working days. */
  expectedReplyWorkingDays: number;
}
