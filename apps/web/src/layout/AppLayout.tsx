import { Suspense } from 'react';
import { Layout, Spin, theme } from 'antd';
import { Outlet } from 'react-router';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';

/** The frame of every signed-in page: side menu, header, and the page in the middle. */
export function AppLayout() {
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={200}>
        <SideMenu />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: token.colorBgContainer, paddingInline: 24 }}>
          <HeaderBar />
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<Spin size="large" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
