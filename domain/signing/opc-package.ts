// Just enough of the Open Packaging Conventions (the rules a .docx zip follows) to add the two
// signature parts so Word and LibreOffice accept the file: every part needs a content type in
// [Content_Types].xml, and a part is found through a relationship. The signature parts hang off
// the package's own relationships (_rels/.rels) with relationship types of our own. Word and
// LibreOffice ignore relationship types they do not know; we deliberately avoid OPC's built-in
// digital-signature types, which Word would try (and fail) to check as an XML signature.

export const MANIFEST_PART = 'px-rounds/signature-manifest.json';
export const SIGNATURE_PART = 'px-rounds/signature.ed25519';
export const SIGNATURE_PARTS: readonly string[] = [MANIFEST_PART, SIGNATURE_PART];

export const CONTENT_TYPES_PART = '[Content_Types].xml';
export const PACKAGE_RELATIONSHIPS_PART = '_rels/.rels';

export const MANIFEST_CONTENT_TYPE = 'application/vnd.px-rounds.signature-manifest+json';
export const SIGNATURE_CONTENT_TYPE = 'application/vnd.px-rounds.ed25519-signature';
export const MANIFEST_RELATIONSHIP_TYPE = 'urn:px-rounds:relationship:signature-manifest:1';
export const SIGNATURE_RELATIONSHIP_TYPE = 'urn:px-rounds:relationship:signature:1';

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function insertBeforeClosing(xml: string, closingTag: string, element: string): string {
  const at = xml.lastIndexOf(closingTag);
  if (at < 0)
    throw new PackageError(`The package has no ${closingTag} element, so it is not a Word document.`);
  return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}

/** Adds an Override for `partName` (no leading slash) to [Content_Types].xml. */
export function declareContentType(contentTypesXml: string, partName: string, contentType: string): string {
  const absolute = `/${partName}`;
  if (contentTypesXml.toLowerCase().includes(`partname="${absolute.toLowerCase()}"`)) {
    throw new PackageError(`${partName} already has a content type: the document was already signed.`);
  }
  return insertBeforeClosing(
    contentTypesXml,
    '</Types>',
    `<Override PartName="${escapeAttribute(absolute)}" ContentType="${escapeAttribute(contentType)}"/>`,
  );
}

/** Adds a package-level relationship (from the package itself) to _rels/.rels. */
export function addPackageRelationship(relsXml: string, id: string, type: string, target: string): string {
  if (relsXml.includes(`Id="${id}"`)) {
    throw new PackageError(`The package already has a relationship called ${id}: it was already signed.`);
  }
  return insertBeforeClosing(
    relsXml,
    '</Relationships>',
    `<Relationship Id="${escapeAttribute(id)}" Type="${escapeAttribute(type)}" Target="${escapeAttribute(target)}"/>`,
  );
}

/** [Content_Types].xml and _rels/.rels with the signature parts declared and linked. */
export function withSignatureParts(
  contentTypesXml: string,
  relsXml: string,
): { contentTypes: string; rels: string } {
  let contentTypes = declareContentType(contentTypesXml, MANIFEST_PART, MANIFEST_CONTENT_TYPE);
  contentTypes = declareContentType(contentTypes, SIGNATURE_PART, SIGNATURE_CONTENT_TYPE);
  let rels = addPackageRelationship(
    relsXml,
    'pxRoundsSignatureManifest',
    MANIFEST_RELATIONSHIP_TYPE,
    MANIFEST_PART,
  );
  rels = addPackageRelationship(rels, 'pxRoundsSignature', SIGNATURE_RELATIONSHIP_TYPE, SIGNATURE_PART);
  return { contentTypes, rels };
}
