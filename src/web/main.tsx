// The browser app: Chinese first (Ant Design's zh_CN locale), everything bundled.
import { ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

// antd ships CommonJS typings for an ES module: take the default whichever way the bundler hands it over.
const zhCN = ((zhCNModule as unknown as { default?: Locale }).default ?? zhCNModule) as Locale;

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4 } }}>
      <App />
    </ConfigProvider>
  </StrictMode>,
);
