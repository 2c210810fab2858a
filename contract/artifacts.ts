/** The lambda bucket key of a zip-deployed function's code: `<fn>.zip` (as s3.tf has it). */
export function artifactKey(functionName: string): string {
  return `${functionName}.zip`;
}
