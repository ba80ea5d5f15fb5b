import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is built into web/dist and served by the Primum server at /.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
