/**
 * Saves downloaded bytes as a file: a temporary object URL on an `<a download>`, clicked and
 * revoked at once. The bytes are re-typed as `application/octet-stream`, so that nothing a server
 * or an attachment claims about its type can make the browser show it inline.
 */
export function saveFile(blob: Blob, name: string, parent: ParentNode): void {
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  parent.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    URL.revokeObjectURL(url);
  }
}
