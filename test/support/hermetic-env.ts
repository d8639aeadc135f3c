// Tests never read the developer's own credentials or reach the ECS metadata address: each test that needs
// credentials or a metadata service sets them itself, pointing at 127.0.0.1.
for (const name of Object.keys(process.env)) {
  if (/^(HUAWEICLOUD_SDK_|HW_|HWQUOTA_)/.test(name) || name === 'OS_CACERT') delete process.env[name];
}
process.env.HUAWEICLOUD_SDK_CREDENTIALS_FILE = '/nonexistent/hwquota-test/credentials';
process.env.HWQUOTA_METADATA_URL = 'off';
