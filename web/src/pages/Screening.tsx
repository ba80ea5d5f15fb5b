export default function Screening(_props: { step?: string }) {
  return <p>Coming soon.</p>;
}
