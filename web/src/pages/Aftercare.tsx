export default function Aftercare(_props: { step?: string }) {
  return <p>Coming soon.</p>;
}
