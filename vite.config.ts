import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web and is built to dist/web, which `tiaodu serve` serves beside the API.
// Everything is bundled: government intranets have no internet, so no CDN and no outside fonts.
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 3000 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
