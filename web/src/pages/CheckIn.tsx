export default function CheckIn(_props: { step?: string }) {
  return <p>Coming soon.</p>;
}
