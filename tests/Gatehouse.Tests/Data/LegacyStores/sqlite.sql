-- A data folder's store as Gatehouse made it before its migrations were squashed: the ten SQLite migrations from
-- 20261127055553_Initial to 20261127121431_SignInSessionsAndIdTokenIssuance, then
--   gatehouse app create --name Legacy
--   gatehouse app secret add --app <appId> --description legacy --expires never
--   gatehouse app permission add --app <appId> --api "Microsoft Graph" --permission User.Read.All --type Application
--   gatehouse app consent --app <appId>
--   gatehouse user create --upn legacy.user@contoso.onmicrosoft.com --password ... --display-name "Legacy User"
-- and one start of the server (signing key, TLS certificate: sqlite-tls.pem and its Data Protection-encrypted key).
-- Dumped with `sqlite3 gatehouse.db .dump`.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __EFMigrationsHistory VALUES('20261127055553_Initial','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261127075204_Calendars','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261127081632_DeviceCodes','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261127083156_GraphUsers','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261127090727_ConnectorHub','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261127093639_Dataverse','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261127095520_QueryIndexes','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261127104848_Dynamics365Instances','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261127112510_GraphDirectory','10.0.15');
INSERT INTO __EFMigrationsHistory VALUES('20261127121431_SignInSessionsAndIdTokenIssuance','10.0.15');
CREATE TABLE IF NOT EXISTS "AppRoleAssignments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppRoleAssignments" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "PrincipalId" TEXT NOT NULL,
    "PrincipalType" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    "AppRoleId" TEXT NOT NULL,
    "CreatedDateTime" INTEGER NOT NULL
);
INSERT INTO AppRoleAssignments VALUES('VPPq1OyqS-tY-GqJNUtQcEhPXx8BZFfvKkV7ypUgm-Q','11111111-1111-4111-8111-111111111111','2FBB04E9-E46F-4062-AF96-D01324AF3E01','ServicePrincipal','806CCBDA-C55D-4048-8A83-4D612841C166','DF021288-BDEF-4463-88DB-98F22DE89214',639321699929398200);
CREATE TABLE IF NOT EXISTS "Applications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Applications" PRIMARY KEY,
    "AppId" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "SignInAudience" TEXT NOT NULL,
    "IdentifierUris" TEXT NOT NULL,
    "WebRedirectUris" TEXT NOT NULL,
    "WebHomePageUrl" TEXT NULL,
    "WebLogoutUrl" TEXT NULL,
    "SpaRedirectUris" TEXT NOT NULL,
    "PublicClientRedirectUris" TEXT NOT NULL,
    "IsFallbackPublicClient" INTEGER NOT NULL,
    "RequestedAccessTokenVersion" INTEGER NULL,
    "CreatedDateTime" INTEGER NOT NULL,
    "DeletedDateTime" INTEGER NULL,
    "AppRoles" TEXT NULL,
    "Oauth2PermissionScopes" TEXT NULL,
    "RequiredResourceAccess" TEXT NULL
, "EnableIdTokenIssuance" INTEGER NOT NULL DEFAULT 0);
INSERT INTO Applications VALUES('FD3D7C1E-53EB-4389-8267-B5C77B2BBE16','C9B7B16A-2AB8-4BA2-BCD4-AFE5C5E4D09A','11111111-1111-4111-8111-111111111111','Legacy','AzureADMyOrg','[]','[]',NULL,NULL,'[]','[]',0,NULL,639321699785550950,NULL,'[]','[]','[{"ResourceAppId":"00000003-0000-0000-C000-000000000000","ResourceAccess":[{"Id":"DF021288-BDEF-4463-88DB-98F22DE89214","Type":"Role"}]}]',0);
CREATE TABLE IF NOT EXISTS "AuthorizationCodes" (
    "CodeHash" TEXT NOT NULL CONSTRAINT "PK_AuthorizationCodes" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ClientId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "RedirectUri" TEXT NOT NULL,
    "Scope" TEXT NOT NULL,
    "ResourceAppId" TEXT NOT NULL,
    "Nonce" TEXT NULL,
    "CodeChallenge" TEXT NULL,
    "CodeChallengeMethod" TEXT NULL,
    "CreatedDateTime" INTEGER NOT NULL,
    "ExpiresDateTime" INTEGER NOT NULL,
    "Redeemed" INTEGER NOT NULL
, "SessionId" TEXT NULL);
CREATE TABLE IF NOT EXISTS "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);
INSERT INTO DataProtectionKeys VALUES(1,'key-aaae5f9d-8079-4e0a-97dd-8a88fcf9d04b','<key id="aaae5f9d-8079-4e0a-97dd-8a88fcf9d04b" version="1"><creationDate>2026-12-06T16:06:45.7292099Z</creationDate><activationDate>2026-12-06T16:06:45.7292099Z</activationDate><expirationDate>2027-03-06T16:06:45.7292099Z</expirationDate><descriptor deserializerType="Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel.AuthenticatedEncryptorDescriptorDeserializer, Microsoft.AspNetCore.DataProtection, Version=10.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60"><descriptor><encryption algorithm="AES_256_CBC" /><validation algorithm="HMACSHA256" /><masterKey p4:requiresEncryption="true" xmlns:p4="http://schemas.asp.net/2015/03/dataProtection"><!-- Warning: the key below is in an unencrypted form. --><value>GMpaObMrZi9VSCwmnTzbQ0EiA0Zv2qcobKH2buYXeDsy5b5ZnJhiN6AR7HtOoiISqw8TZ9HFivNROzyBXs0Mbg==</value></masterKey></descriptor></descriptor></key>');
CREATE TABLE IF NOT EXISTS "DirectoryRoleMembers" (
    "TenantId" TEXT NOT NULL,
    "RoleTemplateId" TEXT NOT NULL,
    "PrincipalId" TEXT NOT NULL,
    "PrincipalType" TEXT NOT NULL,
    CONSTRAINT "PK_DirectoryRoleMembers" PRIMARY KEY ("TenantId", "RoleTemplateId", "PrincipalId")
);
INSERT INTO DirectoryRoleMembers VALUES('11111111-1111-4111-8111-111111111111','62E90394-69F5-4237-9190-012177145E10','8523E4F9-1589-46E7-8628-C07EA7F39779','User');
CREATE TABLE IF NOT EXISTS "Groups" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Groups" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Description" TEXT NULL,
    "MailNickname" TEXT NOT NULL,
    "MailEnabled" INTEGER NOT NULL,
    "SecurityEnabled" INTEGER NOT NULL,
    "Visibility" TEXT NULL,
    "CreatedDateTime" INTEGER NOT NULL
, "GroupTypes" TEXT NOT NULL DEFAULT '[]', "NormalizedDisplayName" TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS "OAuth2PermissionGrants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OAuth2PermissionGrants" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "ClientId" TEXT NOT NULL,
    "ConsentType" TEXT NOT NULL,
    "PrincipalId" TEXT NULL,
    "ResourceId" TEXT NOT NULL,
    "Scope" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "RefreshTokens" (
    "TokenHash" TEXT NOT NULL CONSTRAINT "PK_RefreshTokens" PRIMARY KEY,
    "FamilyId" TEXT NOT NULL,
    "AuthorizationCodeHash" TEXT NULL,
    "TenantId" TEXT NOT NULL,
    "ClientId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "ResourceAppId" TEXT NOT NULL,
    "Scope" TEXT NOT NULL,
    "IsPublicClient" INTEGER NOT NULL,
    "CreatedDateTime" INTEGER NOT NULL,
    "ExpiresDateTime" INTEGER NOT NULL,
    "Used" INTEGER NOT NULL,
    "Revoked" INTEGER NOT NULL
, "SessionId" TEXT NULL);
CREATE TABLE IF NOT EXISTS "ServicePrincipals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ServicePrincipals" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "AppId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "AppOwnerOrganizationId" TEXT NOT NULL,
    "ServicePrincipalType" TEXT NOT NULL,
    "AccountEnabled" INTEGER NOT NULL,
    "AppRoleAssignmentRequired" INTEGER NOT NULL,
    "CreatedDateTime" INTEGER NOT NULL,
    "DeletedDateTime" INTEGER NULL
);
INSERT INTO ServicePrincipals VALUES('15E0A31E-FAEB-447F-948E-11262AEFD32D','11111111-1111-4111-8111-111111111111','00000002-0000-0000-C000-000000000000','Windows Azure Active Directory','F8CDEF31-A31E-4B4A-93E4-5F571E91255A','Application',1,0,639321699779369170,NULL);
INSERT INTO ServicePrincipals VALUES('806CCBDA-C55D-4048-8A83-4D612841C166','11111111-1111-4111-8111-111111111111','00000003-0000-0000-C000-000000000000','Microsoft Graph','F8CDEF31-A31E-4B4A-93E4-5F571E91255A','Application',1,0,639321699779369170,NULL);
INSERT INTO ServicePrincipals VALUES('F3126249-84AD-453C-8BEB-07140CD8466E','11111111-1111-4111-8111-111111111111','00000007-0000-0000-C000-000000000000','Dynamics CRM','F8CDEF31-A31E-4B4A-93E4-5F571E91255A','Application',1,0,639321699779369170,NULL);
INSERT INTO ServicePrincipals VALUES('2FBB04E9-E46F-4062-AF96-D01324AF3E01','11111111-1111-4111-8111-111111111111','C9B7B16A-2AB8-4BA2-BCD4-AFE5C5E4D09A','Legacy','11111111-1111-4111-8111-111111111111','Application',1,0,639321699786256200,NULL);
CREATE TABLE IF NOT EXISTS "SigningKeys" (
    "Kid" TEXT NOT NULL CONSTRAINT "PK_SigningKeys" PRIMARY KEY,
    "Certificate" BLOB NOT NULL,
    "ProtectedPrivateKey" BLOB NOT NULL,
    "CreatedDateTime" INTEGER NOT NULL,
    "RetiredDateTime" INTEGER NULL
);
INSERT INTO SigningKeys VALUES('3dtY78yYm6VtPcKNdLYULf3izDM',X'308202c5308201ada00302010202090098394f15bd5eb60a300d06092a864886f70d01010b050030223120301e0603550403131747617465686f75736520746f6b656e207369676e696e67301e170d3236313230363136303134355a170d3331313230363136303634355a30223120301e0603550403131747617465686f75736520746f6b656e207369676e696e6730820122300d06092a864886f70d01010105000382010f003082010a0282010100eea6064f196f329992ccdcdcec308e1deda7685da13954099037c1256ffcf4a7b2738bd4a1eefc4407dc58b0caa74c7e6bd67fe241dd4f470f486ebd8d107b81d624d6502d5fceb3fb9fc8f14a814854fb07d3f9597ea8d338f47feb0647b94959e172893528ec39924c01d8fae48c1de096f0eeaf6b218ad23a30d3eec55d54981e16654eda6ad40034de49a7628592df161a953118f1dcfd16c34ee768fd355374950b92e916723ae025500409e8d8cceb9da2621c265ef5ef2f73a29ae142e3dcb06754818e664af067dc9a2946847db93942f5de7f50ca1f6f50b2d6d894087e0611e0b3e3f350b6bd01345e3dfa7478f19ed042a3e4e83a01df1b5cd5310203010001300d06092a864886f70d01010b05000382010100e3e6f29f0adb8db92a6729612716214624744e1a30d00faef17e55141a33ad09b5a0edc17c81d3118239aeed62a8ad962a69f43dd461ee3d0008661ee4611d4c0c94328cbc297853a2800d47f049e15cc7e58fdf2184aa7e705d18ab77e2da2e29d339ca8111d99e3ec3dd436c7b0225c97951d8b1d33b7e757ee30187ea7294de73a66c94fdaf9a87ad2137a870713dfd900bc54fa8de7199f2610d4549bfe2553e75d83159088b8f9b68cc0caf29533251c3e89b93ed0dd70aeda26bf7a90cdfb8083cce8adb693accc1fefc8e5f8aa50a0234cbbf44d319819c08729f636ec5357843c9eeb2b363093edb63e67904f68ec39edbbc3cc75d9d22f9a0015c19',X'09f0c9f09d5faeaa79800a4e97dd8a88fcf9d04b29f444c6bb6f33b29a3365609c4940a2c6cb489dd71c0fa8506e96a6acfca2eb632a8fccf1dc98b71748ca1072475210f03fba75f375a9b8bf12cea8fa0bd49651ce34eec6aca65683f94999bc949e44e591a6909707122cbb61f3918ca095f7b62399aa73fc46852669430559f3b40e5d8024db43d6a623a5d353fba60400a7534202fafacd481c085b166b5a870158b9c4879045419843129d592b5ac0403ebac87625174dfeff0dcc641f262b36fe4f078b7ca33ed16c9585a77a0ae898d4b9a5c00364e62600673686f8ad6c7174114d80f0a12337f73591ef452c17272b09b1abd4ffba76b05cb03dae97ca60d476478d9dbeb8742b38be93074065c48501b090d5ad4f9b10d2cd7144377250cb97dc2e71dd10153ee6206bf92feec9456aed89734a5c8422f4923398556013a2f30e2273c660aa9afea81ead8ec5728e383f83f70c2aff79e103521740031150883f2f912ebe62ededa6c28fd178ea367ac7b0e6724fe83727fb9af2f373f8e1394827139409156633242aa6dd7a1bb4e980396d3953d306e355423d929c4b43ba28601999bde6f6a7ee841ef18a1b179328177d063d3e5dbc692fe070dedf656ee0ded018c4030a2e6c16e1894c4b522be4116202c3132478a4dd7e0c65464b7737c932bda256a712ade8a227f02e64243279f433a37c5ef5e8ac83df3824f4d1d170bb7d5914ceb4b004698ec6a86bb920aa9d0335b118742845d5c26de940d6215f62cf18352e85a83d7b2795289856055f1b2ef1a61479ac72d01b6bf5c0e662d359cc72e988978fdc6b7407893c0894a01a6431b882ab7f428225eb6890bf2cfa4488e5cdbf61acd4664e4d2e82183789415038f814fa6b28dc6ddb83b36a268ad0d81bc10739050585c1a7c4db571b70915b7b3cfaab3b0c54049c2c77f80b8610ce8c6379b5c429577befc7d88cacca09ab29e2e5fff4f1260da8da2b16f0ac7bd0fab483b57088a0da7e2016ea90f5a3b64f924456735528e20ced008ce89234d9681e08446d92bfb46431a56cab79255a1739bdc598ae4930d16b118c1af55100ab6988699f6524db31bb0b0829c7e8d829e7dd673fe33ff02b2d7fbd60ecc22cc948c37bca2562a6cae6cdb7fa3a246960ec0ca063b4e76dd865a21070d853dfbbd0b97491031ab29c3b92613a54fb6cd40498b7880858e41cd8a854bccd1ef6a18c841cf7d2f9f00f203feb3358ed571baa198a38d67a3be5c937ff8a23fbc78b45691b78f4a8afd20d768707ebb1f26196e42c7ba8f5b9f4927b7f01ca0b72f4740b9151b2a4a5cba8a846394c1bee2ba5bec7faf1a526816cfd4bf4323d2d238f2d437c643acc845d6a5d9d0ee8e047693a57b86de19fe5aaab9ccc753aa9aba3bfb579099a0641a9f95c355d5ca8813446fdead936a8b507efbe03e603c5f80fdc3b7c4b4ff7179523a5f66addeb616b72b6a190e5d536b3d5726cabb5f3762ce5a10cce02727c1c16ce77f6bebb504f13091ac851ef766221edbfe490c3dd19ba4cb25b36dc0f8eff3b038eb4fd0bf77276bf291cc2abac7235b256515df75bab3eeacf190c7ad749d85b23e777203a06b4197bc188a4f11c0eddeb404ce3d95c133eab91759f6e9f3ff2573e46b6f5a0fac3e91637ff9b624b525ac2567e78f4fa94155c445205d64165ea7076b0c7007773e23c15772c0b8c87a5d7044a7f4ce689a7316209adf7831bd3e788ac96d55463b1993838426dfb156b32d361703ab939b8eaf5565e5614239d4f838c50b29293d8b3cc9f1f1cdadb6d1436e6f9edf26491f9e1f3c37501cd740262128c372a0f8acd97560e71',639321700052361840,NULL);
CREATE TABLE IF NOT EXISTS "Tenants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Tenants" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "CreatedDateTime" INTEGER NOT NULL,
    "UsersCanRegisterApplications" INTEGER NOT NULL,
    "MaxSecretLifetimeDays" INTEGER NULL
);
INSERT INTO Tenants VALUES('11111111-1111-4111-8111-111111111111','Default Directory',639321699778225260,1,NULL);
CREATE TABLE IF NOT EXISTS "UsedClientAssertions" (
    "ClientId" TEXT NOT NULL,
    "Jti" TEXT NOT NULL,
    "ExpiresDateTime" INTEGER NOT NULL,
    CONSTRAINT "PK_UsedClientAssertions" PRIMARY KEY ("ClientId", "Jti")
);
CREATE TABLE IF NOT EXISTS "ApplicationOwners" (
    "ApplicationId" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "OwnerType" TEXT NOT NULL,
    CONSTRAINT "PK_ApplicationOwners" PRIMARY KEY ("ApplicationId", "OwnerId"),
    CONSTRAINT "FK_ApplicationOwners_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "KeyCredentials" (
    "KeyId" TEXT NOT NULL CONSTRAINT "PK_KeyCredentials" PRIMARY KEY,
    "ApplicationId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Thumbprint" TEXT NOT NULL,
    "CustomKeyIdentifier" BLOB NOT NULL,
    "Key" BLOB NOT NULL,
    "StartDateTime" INTEGER NOT NULL,
    "EndDateTime" INTEGER NOT NULL,
    "Type" TEXT NOT NULL,
    "Usage" TEXT NOT NULL,
    CONSTRAINT "FK_KeyCredentials_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "PasswordCredentials" (
    "KeyId" TEXT NOT NULL CONSTRAINT "PK_PasswordCredentials" PRIMARY KEY,
    "ApplicationId" TEXT NOT NULL,
    "DisplayName" TEXT NULL,
    "Hint" TEXT NOT NULL,
    "StartDateTime" INTEGER NOT NULL,
    "EndDateTime" INTEGER NOT NULL,
    "SecretSalt" BLOB NOT NULL,
    "SecretHash" BLOB NOT NULL,
    CONSTRAINT "FK_PasswordCredentials_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);
INSERT INTO PasswordCredentials VALUES('D365C605-FAAA-4605-B19F-665C402F1007','FD3D7C1E-53EB-4389-8267-B5C77B2BBE16','legacy','xMb',639321699839713940,725493024000000000,X'12d294168d02cb62b98dab32e916ceb1',X'af732bce772db0e9c1bd34066fd2161c60d71da9a557c58b9ce5fc8ba1b0d1c1');
CREATE TABLE IF NOT EXISTS "GroupMembers" (
    "GroupId" TEXT NOT NULL,
    "MemberId" TEXT NOT NULL,
    "MemberType" TEXT NOT NULL,
    CONSTRAINT "PK_GroupMembers" PRIMARY KEY ("GroupId", "MemberId"),
    CONSTRAINT "FK_GroupMembers_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "GroupOwners" (
    "GroupId" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "OwnerType" TEXT NOT NULL,
    CONSTRAINT "PK_GroupOwners" PRIMARY KEY ("GroupId", "OwnerId"),
    CONSTRAINT "FK_GroupOwners_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "TenantDomains" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_TenantDomains" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "IsDefault" INTEGER NOT NULL,
    "IsInitial" INTEGER NOT NULL,
    "IsVerified" INTEGER NOT NULL,
    CONSTRAINT "FK_TenantDomains_Tenants_TenantId" FOREIGN KEY ("TenantId") REFERENCES "Tenants" ("Id") ON DELETE CASCADE
);
INSERT INTO TenantDomains VALUES('contoso.onmicrosoft.com','11111111-1111-4111-8111-111111111111',1,1,1);
CREATE TABLE IF NOT EXISTS "Calendars" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Calendars" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Color" TEXT NOT NULL,
    "IsDefaultCalendar" INTEGER NOT NULL,
    "ChangeKey" TEXT NOT NULL,
    "CreatedDateTime" INTEGER NOT NULL,
    CONSTRAINT "FK_Calendars_Users_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Events" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Events" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "CalendarId" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "Subject" TEXT NULL,
    "BodyContentType" TEXT NOT NULL,
    "BodyContent" TEXT NOT NULL,
    "Start" INTEGER NOT NULL,
    "StartTimeZone" TEXT NOT NULL,
    "End" INTEGER NOT NULL,
    "EndTimeZone" TEXT NOT NULL,
    "IsAllDay" INTEGER NOT NULL,
    "LocationDisplayName" TEXT NULL,
    "OrganizerName" TEXT NULL,
    "OrganizerAddress" TEXT NULL,
    "Categories" TEXT NOT NULL,
    "ShowAs" TEXT NOT NULL,
    "Importance" TEXT NOT NULL,
    "Sensitivity" TEXT NOT NULL,
    "IsReminderOn" INTEGER NOT NULL,
    "ReminderMinutesBeforeStart" INTEGER NOT NULL,
    "ResponseRequested" INTEGER NOT NULL,
    "IsCancelled" INTEGER NOT NULL,
    "CreatedDateTime" INTEGER NOT NULL,
    "LastModifiedDateTime" INTEGER NOT NULL,
    "ChangeKey" TEXT NOT NULL,
    "ICalUId" TEXT NOT NULL,
    "Attendees" TEXT NULL,
    CONSTRAINT "FK_Events_Calendars_CalendarId" FOREIGN KEY ("CalendarId") REFERENCES "Calendars" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY,
    "AccountEnabled" INTEGER NOT NULL,
    "CreatedDateTime" INTEGER NOT NULL,
    "Department" TEXT NULL,
    "DisplayName" TEXT NOT NULL,
    "FailedSignInCount" INTEGER NOT NULL,
    "GivenName" TEXT NULL,
    "HasWellKnownPassword" INTEGER NOT NULL,
    "JobTitle" TEXT NULL,
    "LockoutEnd" INTEGER NULL,
    "Mail" TEXT NULL,
    "ManagerId" TEXT NULL,
    "NormalizedUserPrincipalName" TEXT NOT NULL,
    "PasswordHash" TEXT NULL,
    "Surname" TEXT NULL,
    "TenantId" TEXT NOT NULL,
    "UserPrincipalName" TEXT NOT NULL,
    "UserType" TEXT NOT NULL, "BusinessPhones" TEXT NOT NULL DEFAULT '[]', "City" TEXT NULL, "CompanyName" TEXT NULL, "Country" TEXT NULL, "EmployeeId" TEXT NULL, "MailNickname" TEXT NULL, "MobilePhone" TEXT NULL, "NormalizedDisplayName" TEXT NOT NULL DEFAULT '', "OfficeLocation" TEXT NULL, "PreferredLanguage" TEXT NULL, "UsageLocation" TEXT NULL,
    CONSTRAINT "FK_Users_Users_ManagerId" FOREIGN KEY ("ManagerId") REFERENCES "Users" ("Id") ON DELETE SET NULL
);
INSERT INTO Users VALUES('8523E4F9-1589-46E7-8628-C07EA7F39779',1,639321699781254380,NULL,'Administrator',0,NULL,0,NULL,NULL,NULL,NULL,'ADMIN@CONTOSO.ONMICROSOFT.COM','AQAAAAIAAYagAAAAEGgpfWfZxTohby400vSTUUrOf2r//MQclMK2lBAGd0QZ3TTBHGhWVe8IVyqrCkBmUA==',NULL,'11111111-1111-4111-8111-111111111111','admin@contoso.onmicrosoft.com','Member','[]',NULL,NULL,NULL,NULL,NULL,NULL,'ADMINISTRATOR',NULL,NULL,NULL);
INSERT INTO Users VALUES('B4D8BB08-97A9-44A8-83EE-EE181776FF8A',1,639321699966843400,NULL,'Legacy User',0,NULL,0,NULL,NULL,NULL,NULL,'LEGACY.USER@CONTOSO.ONMICROSOFT.COM','AQAAAAIAAYagAAAAEMAGpjsTxoxJy78AlJINy1tv5qQBS6ZnqtBLq4NdN70lPoamdjh52Ws+lD0LpPHxng==',NULL,'11111111-1111-4111-8111-111111111111','legacy.user@contoso.onmicrosoft.com','Member','[]',NULL,NULL,NULL,NULL,NULL,NULL,'LEGACY USER',NULL,NULL,NULL);
CREATE TABLE IF NOT EXISTS "DeviceAuthorizations" (
    "DeviceCodeHash" TEXT NOT NULL CONSTRAINT "PK_DeviceAuthorizations" PRIMARY KEY,
    "UserCodeHash" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL,
    "ClientId" TEXT NOT NULL,
    "ResourceAppId" TEXT NOT NULL,
    "Scope" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "CreatedDateTime" INTEGER NOT NULL,
    "ExpiresDateTime" INTEGER NOT NULL,
    "LastPolledDateTime" INTEGER NULL
);
CREATE TABLE IF NOT EXISTS "HubOrganizations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HubOrganizations" PRIMARY KEY,
    "SecretLookup" TEXT NOT NULL,
    "SecretSalt" BLOB NOT NULL,
    "SecretHash" BLOB NOT NULL,
    "CreatedDateTime" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "HubInstances" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HubInstances" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" TEXT NOT NULL,
    "ElementKey" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Tags" TEXT NOT NULL,
    "TokenLookup" TEXT NOT NULL,
    "TokenSalt" BLOB NOT NULL,
    "TokenHash" BLOB NOT NULL,
    "GrantType" TEXT NOT NULL,
    "ApiKey" TEXT NOT NULL,
    "CallbackUrl" TEXT NULL,
    "Scope" TEXT NOT NULL,
    "Tenant" TEXT NOT NULL,
    "ProtectedApiSecret" TEXT NOT NULL,
    "ProtectedAccessToken" TEXT NULL,
    "ProtectedRefreshToken" TEXT NULL,
    "AccessTokenExpiresDateTime" INTEGER NULL,
    "State" TEXT NOT NULL,
    "Disabled" INTEGER NOT NULL,
    "ProblemCode" TEXT NULL,
    "ProblemMessage" TEXT NULL,
    "LastRefreshDateTime" INTEGER NULL,
    "RefreshCount" INTEGER NOT NULL,
    "ApiSecretExpiresDateTime" INTEGER NULL,
    "ApiSecretExpirySource" TEXT NULL,
    "SecretExpiryNotifiedDateTime" INTEGER NULL,
    "EventsEnabled" INTEGER NOT NULL,
    "EventCallbackUrl" TEXT NULL,
    "ProtectedEventSignatureKey" TEXT NULL,
    "LeaseOwner" TEXT NULL,
    "LeaseExpiresDateTime" INTEGER NULL,
    "CreatedDateTime" INTEGER NOT NULL,
    "UpdatedDateTime" INTEGER NOT NULL, "OrganizationUrl" TEXT NULL,
    CONSTRAINT "FK_HubInstances_HubOrganizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "HubOrganizations" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "HubUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HubUsers" PRIMARY KEY,
    "OrganizationId" TEXT NOT NULL,
    "SecretLookup" TEXT NOT NULL,
    "SecretSalt" BLOB NOT NULL,
    "SecretHash" BLOB NOT NULL,
    "CreatedDateTime" INTEGER NOT NULL,
    CONSTRAINT "FK_HubUsers_HubOrganizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "HubOrganizations" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "HubEventDeliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HubEventDeliveries" PRIMARY KEY AUTOINCREMENT,
    "InstanceId" INTEGER NOT NULL,
    "EventType" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastResult" TEXT NULL,
    "CreatedDateTime" INTEGER NOT NULL,
    "LastAttemptDateTime" INTEGER NULL,
    "NextAttemptDateTime" INTEGER NULL,
    "DeliveredDateTime" INTEGER NULL,
    CONSTRAINT "FK_HubEventDeliveries_HubInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "HubInstances" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "DataverseAccounts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DataverseAccounts" PRIMARY KEY,
    "Name" TEXT NULL,
    "AccountNumber" TEXT NULL,
    "Telephone1" TEXT NULL,
    "EmailAddress1" TEXT NULL,
    "WebsiteUrl" TEXT NULL,
    "Address1Line1" TEXT NULL,
    "Address1City" TEXT NULL,
    "Address1PostalCode" TEXT NULL,
    "Address1Country" TEXT NULL,
    "Revenue" TEXT NULL,
    "NumberOfEmployees" INTEGER NULL,
    "Description" TEXT NULL,
    "PrimaryContactId" TEXT NULL,
    "ParentAccountId" TEXT NULL,
    "TenantId" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "ModifiedBy" TEXT NOT NULL,
    "CreatedOn" INTEGER NOT NULL,
    "ModifiedOn" INTEGER NOT NULL,
    "VersionNumber" INTEGER NOT NULL,
    "StateCode" INTEGER NOT NULL,
    "StatusCode" INTEGER NOT NULL
, "NormalizedName" TEXT NULL);
CREATE TABLE IF NOT EXISTS "DataverseContacts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DataverseContacts" PRIMARY KEY,
    "FirstName" TEXT NULL,
    "LastName" TEXT NULL,
    "FullName" TEXT NULL,
    "EmailAddress1" TEXT NULL,
    "Telephone1" TEXT NULL,
    "MobilePhone" TEXT NULL,
    "JobTitle" TEXT NULL,
    "ParentCustomerId" TEXT NULL,
    "ParentCustomerType" TEXT NULL,
    "TenantId" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "ModifiedBy" TEXT NOT NULL,
    "CreatedOn" INTEGER NOT NULL,
    "ModifiedOn" INTEGER NOT NULL,
    "VersionNumber" INTEGER NOT NULL,
    "StateCode" INTEGER NOT NULL,
    "StatusCode" INTEGER NOT NULL
, "NormalizedFullName" TEXT NULL);
CREATE TABLE IF NOT EXISTS "DataverseLeads" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DataverseLeads" PRIMARY KEY,
    "Subject" TEXT NULL,
    "FirstName" TEXT NULL,
    "LastName" TEXT NULL,
    "FullName" TEXT NULL,
    "CompanyName" TEXT NULL,
    "EmailAddress1" TEXT NULL,
    "Telephone1" TEXT NULL,
    "LeadSourceCode" INTEGER NULL,
    "ParentAccountId" TEXT NULL,
    "ParentContactId" TEXT NULL,
    "TenantId" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "ModifiedBy" TEXT NOT NULL,
    "CreatedOn" INTEGER NOT NULL,
    "ModifiedOn" INTEGER NOT NULL,
    "VersionNumber" INTEGER NOT NULL,
    "StateCode" INTEGER NOT NULL,
    "StatusCode" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "DataverseOpportunities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DataverseOpportunities" PRIMARY KEY,
    "Name" TEXT NULL,
    "EstimatedValue" TEXT NULL,
    "EstimatedCloseDate" TEXT NULL,
    "CloseProbability" INTEGER NULL,
    "Description" TEXT NULL,
    "ParentAccountId" TEXT NULL,
    "ParentContactId" TEXT NULL,
    "TenantId" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "ModifiedBy" TEXT NOT NULL,
    "CreatedOn" INTEGER NOT NULL,
    "ModifiedOn" INTEGER NOT NULL,
    "VersionNumber" INTEGER NOT NULL,
    "StateCode" INTEGER NOT NULL,
    "StatusCode" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "DataverseSystemUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DataverseSystemUsers" PRIMARY KEY,
    "FullName" TEXT NOT NULL,
    "DomainName" TEXT NULL,
    "InternalEmailAddress" TEXT NULL,
    "AzureActiveDirectoryObjectId" TEXT NULL,
    "ApplicationId" TEXT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "AccessMode" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "ModifiedBy" TEXT NOT NULL,
    "CreatedOn" INTEGER NOT NULL,
    "ModifiedOn" INTEGER NOT NULL,
    "VersionNumber" INTEGER NOT NULL,
    "StateCode" INTEGER NOT NULL,
    "StatusCode" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS "DataverseSystemUserRoles" (
    "SystemUserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_DataverseSystemUserRoles" PRIMARY KEY ("SystemUserId", "RoleId"),
    CONSTRAINT "FK_DataverseSystemUserRoles_DataverseSystemUsers_SystemUserId" FOREIGN KEY ("SystemUserId") REFERENCES "DataverseSystemUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Devices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Devices" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "DeviceId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "NormalizedDisplayName" TEXT NOT NULL,
    "AccountEnabled" INTEGER NOT NULL,
    "OperatingSystem" TEXT NULL,
    "OperatingSystemVersion" TEXT NULL,
    "TrustType" TEXT NULL,
    "IsCompliant" INTEGER NULL,
    "IsManaged" INTEGER NULL,
    "RegistrationDateTime" INTEGER NOT NULL,
    "ApproximateLastSignInDateTime" INTEGER NULL
);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('DataProtectionKeys',1);
CREATE UNIQUE INDEX "IX_AppRoleAssignments_PrincipalId_ResourceId_AppRoleId" ON "AppRoleAssignments" ("PrincipalId", "ResourceId", "AppRoleId");
CREATE INDEX "IX_AppRoleAssignments_ResourceId" ON "AppRoleAssignments" ("ResourceId");
CREATE INDEX "IX_ApplicationOwners_OwnerId" ON "ApplicationOwners" ("OwnerId");
CREATE UNIQUE INDEX "IX_Applications_AppId" ON "Applications" ("AppId");
CREATE INDEX "IX_Applications_TenantId_DisplayName" ON "Applications" ("TenantId", "DisplayName");
CREATE INDEX "IX_AuthorizationCodes_ExpiresDateTime" ON "AuthorizationCodes" ("ExpiresDateTime");
CREATE INDEX "IX_DirectoryRoleMembers_PrincipalId" ON "DirectoryRoleMembers" ("PrincipalId");
CREATE INDEX "IX_GroupMembers_MemberId" ON "GroupMembers" ("MemberId");
CREATE INDEX "IX_GroupOwners_OwnerId" ON "GroupOwners" ("OwnerId");
CREATE INDEX "IX_Groups_TenantId_DisplayName" ON "Groups" ("TenantId", "DisplayName");
CREATE INDEX "IX_KeyCredentials_ApplicationId" ON "KeyCredentials" ("ApplicationId");
CREATE INDEX "IX_OAuth2PermissionGrants_ClientId_ResourceId" ON "OAuth2PermissionGrants" ("ClientId", "ResourceId");
CREATE INDEX "IX_OAuth2PermissionGrants_PrincipalId" ON "OAuth2PermissionGrants" ("PrincipalId");
CREATE INDEX "IX_PasswordCredentials_ApplicationId" ON "PasswordCredentials" ("ApplicationId");
CREATE INDEX "IX_RefreshTokens_AuthorizationCodeHash" ON "RefreshTokens" ("AuthorizationCodeHash");
CREATE INDEX "IX_RefreshTokens_ExpiresDateTime" ON "RefreshTokens" ("ExpiresDateTime");
CREATE INDEX "IX_RefreshTokens_FamilyId" ON "RefreshTokens" ("FamilyId");
CREATE UNIQUE INDEX "IX_ServicePrincipals_TenantId_AppId" ON "ServicePrincipals" ("TenantId", "AppId");
CREATE INDEX "IX_TenantDomains_TenantId" ON "TenantDomains" ("TenantId");
CREATE INDEX "IX_UsedClientAssertions_ExpiresDateTime" ON "UsedClientAssertions" ("ExpiresDateTime");
CREATE INDEX "IX_Calendars_OwnerId" ON "Calendars" ("OwnerId");
CREATE INDEX "IX_Calendars_TenantId_OwnerId" ON "Calendars" ("TenantId", "OwnerId");
CREATE INDEX "IX_Events_CalendarId_Start" ON "Events" ("CalendarId", "Start");
CREATE INDEX "IX_Events_OwnerId_Start_End" ON "Events" ("OwnerId", "Start", "End");
CREATE INDEX "IX_Users_ManagerId" ON "Users" ("ManagerId");
CREATE UNIQUE INDEX "IX_Users_NormalizedUserPrincipalName" ON "Users" ("NormalizedUserPrincipalName");
CREATE INDEX "IX_Users_TenantId_DisplayName" ON "Users" ("TenantId", "DisplayName");
CREATE INDEX "IX_DeviceAuthorizations_ExpiresDateTime" ON "DeviceAuthorizations" ("ExpiresDateTime");
CREATE UNIQUE INDEX "IX_DeviceAuthorizations_UserCodeHash" ON "DeviceAuthorizations" ("UserCodeHash");
CREATE INDEX "IX_HubEventDeliveries_InstanceId" ON "HubEventDeliveries" ("InstanceId");
CREATE INDEX "IX_HubEventDeliveries_NextAttemptDateTime" ON "HubEventDeliveries" ("NextAttemptDateTime");
CREATE INDEX "IX_HubInstances_AccessTokenExpiresDateTime" ON "HubInstances" ("AccessTokenExpiresDateTime");
CREATE INDEX "IX_HubInstances_OrganizationId" ON "HubInstances" ("OrganizationId");
CREATE INDEX "IX_HubInstances_TokenLookup" ON "HubInstances" ("TokenLookup");
CREATE INDEX "IX_HubOrganizations_SecretLookup" ON "HubOrganizations" ("SecretLookup");
CREATE INDEX "IX_HubUsers_OrganizationId" ON "HubUsers" ("OrganizationId");
CREATE INDEX "IX_HubUsers_SecretLookup" ON "HubUsers" ("SecretLookup");
CREATE INDEX "IX_DataverseAccounts_TenantId_OwnerId" ON "DataverseAccounts" ("TenantId", "OwnerId");
CREATE INDEX "IX_DataverseContacts_TenantId_OwnerId" ON "DataverseContacts" ("TenantId", "OwnerId");
CREATE INDEX "IX_DataverseLeads_TenantId_OwnerId" ON "DataverseLeads" ("TenantId", "OwnerId");
CREATE INDEX "IX_DataverseOpportunities_TenantId_OwnerId" ON "DataverseOpportunities" ("TenantId", "OwnerId");
CREATE UNIQUE INDEX "IX_DataverseSystemUsers_TenantId_ApplicationId" ON "DataverseSystemUsers" ("TenantId", "ApplicationId");
CREATE UNIQUE INDEX "IX_DataverseSystemUsers_TenantId_AzureActiveDirectoryObjectId" ON "DataverseSystemUsers" ("TenantId", "AzureActiveDirectoryObjectId");
CREATE INDEX "IX_DataverseSystemUsers_TenantId_OwnerId" ON "DataverseSystemUsers" ("TenantId", "OwnerId");
CREATE INDEX "IX_Users_TenantId_NormalizedDisplayName_Id" ON "Users" ("TenantId", "NormalizedDisplayName", "Id");
CREATE INDEX "IX_DataverseContacts_TenantId_NormalizedFullName_Id" ON "DataverseContacts" ("TenantId", "NormalizedFullName", "Id");
CREATE INDEX "IX_DataverseAccounts_TenantId_NormalizedName_Id" ON "DataverseAccounts" ("TenantId", "NormalizedName", "Id");
CREATE INDEX "IX_Groups_TenantId_NormalizedDisplayName_Id" ON "Groups" ("TenantId", "NormalizedDisplayName", "Id");
CREATE UNIQUE INDEX "IX_Devices_TenantId_DeviceId" ON "Devices" ("TenantId", "DeviceId");
CREATE INDEX "IX_Devices_TenantId_NormalizedDisplayName_Id" ON "Devices" ("TenantId", "NormalizedDisplayName", "Id");
COMMIT;
