/** What the PEIG lead's export asks for besides its filter: the trust, who signs, the file. */
export function leadExportHeader(fileName: string) {
  return {
    organisation: 'Example NHS Foundation Trust',
    signOff: {
      signerName: 'Pat',
      signerRole: 'PEIG lead',
      attestation: 'I confirm',
      signedAt: new Date().toISOString(),
      keyId: 'a'.repeat(64),
    },
    fileName,
  };
}
