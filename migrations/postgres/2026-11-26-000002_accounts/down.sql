DROP TABLE audit_log;
DROP TABLE login_failures;
DROP TABLE api_keys;
DROP TABLE organization_members;
DROP TABLE refresh_tokens;
