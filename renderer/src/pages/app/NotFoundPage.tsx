import { PageHeading } from '../../components/PageHeading';

export function NotFoundPage() {
  return (
    <>
      <PageHeading title="Page not found">Page not found</PageHeading>
      <p>This page does not exist in PX Rounds.</p>
      <p>
        <a href="#/">Go to your rounds</a>
      </p>
    </>
  );
}
