/** The Chinese message of a refused API answer (`{ error }`), or the status when the body says nothing. */
export async function errorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: string };
    if (body.error) return body.error;
  } catch {
    // not JSON
  }
  return `服务器返回 ${response.status}`;
}
