DROP TABLE search_tokens;
DROP TABLE organizations;
DROP TABLE user_roles;
DROP TABLE users;
