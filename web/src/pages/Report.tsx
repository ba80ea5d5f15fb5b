export default function Report(_props: { step?: string }) {
  return <p>Coming soon.</p>;
}
