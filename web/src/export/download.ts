// Browser downloads: a Blob through a temporary object URL and an <a download> click.

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before it goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** `cadre-graph-2024-05-01T10-20-30` : a file name stem that sorts by time and is safe everywhere. */
export function fileStem(prefix = 'cadre-graph', now: Date = new Date()): string {
  return `${prefix}-${now.toISOString().slice(0, 19).replaceAll(':', '-')}`;
}
