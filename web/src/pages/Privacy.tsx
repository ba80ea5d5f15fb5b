import { useState } from 'react';
import { download } from '../api.ts';
import { deleteAll, exportJson, useData } from '../store.ts';

export default function Privacy() {
  const [data] = useData();
  const [deleted, setDeleted] = useState(false);
  const count = (data.screening ? 1 : 0) + (data.treatment ? 1 : 0) + data.checkIns.length;
  return (
    <article>
      <h1>Your data</h1>
      <p>
        Primum needs no account. Everything you enter — your answers, your treatment and your check-ins — is kept only
        in this browser, on this device. When Primum works out an answer, your answers are sent to the Primum server,
        which replies and keeps nothing: it stores none of your answers and writes none of them to its logs.
      </p>
      <p>Saved in this browser now: {count === 0 ? 'nothing' : `${count} item(s)`}.</p>
      <div className="actions">
        <button type="button" onClick={() => download(exportJson(), 'primum-my-data.json')}>Download my data (JSON)</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            if (window.confirm('Delete all your Primum answers and check-ins from this browser? This cannot be undone.')) {
              deleteAll();
              setDeleted(true);
            }
          }}
        >
          Delete all my data
        </button>
      </div>
      {deleted && <p role="status" className="notice notice-info">All your data has been deleted from this browser.</p>}
      <p>Sharing your results with a clinic will come later, and only if you choose to.</p>
    </article>
  );
}
