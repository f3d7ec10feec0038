// actionbot's Azure resources, in one resource group: a user-assigned managed identity (the bot's
// identity to Teams and to storage: no secrets anywhere), a Storage account reached by that identity
// (Storage Table Data Contributor, shared keys off), a Container App running the image (HTTPS ingress,
// /healthz and /readyz probes), and the Azure Bot registration with its Teams channel.
// Deploy: az deployment group create -g <group> -f infra/main.bicep -p image=... registryName=... (README).
// (README "Running it in Teams"). Not compiled here: no Bicep CLI on the build machine (see README).

@description('Short name used in every resource name (letters and digits).')
@maxLength(12)
param name string = 'actionbot'

@description('Region for the app and storage (the bot registration itself is global).')
param location string = resourceGroup().location

@description('The container image to run, e.g. myregistry.azurecr.io/actionbot:1.0.0 (in registryName).')
param image string

@description('Name of the Azure Container Registry (in this resource group) holding the image.')
param registryName string

@description('Object ids (Entra ID) of the people who may manage plans and roles, comma-separated.')
param admins string = ''

@description('Tenants whose messages are accepted, comma-separated. Empty: this tenant only.')
param allowedTenants string = ''

@description('The tab sign-on\'s Application ID URI. Empty: api://<app host>/botid-<bot client id>, the form the app package uses.')
param tabAppIdUri string = ''

@description('The plan\'s lead role: whoever holds it gets escalations.')
param leadRole string = 'Commissioner'

@description('Azure Bot pricing tier: F0 (free, standard channels such as Teams) or S1.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Most instances to run. The sweep lease lets several run safely; 1 is enough for a partnership.')
@minValue(1)
@maxValue(3)
param maxReplicas int = 1

var suffix = uniqueString(resourceGroup().id, name)
var appName = '${name}-app'
var storageName = toLower(take('${name}${suffix}', 24))
// Built-in roles: "Storage Table Data Contributor" (read, write and delete table entities), "AcrPull".
var tableDataContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')
var acrPull = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource imagePull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, acrPull)
  scope: registry
  properties: {
    roleDefinitionId: acrPull
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Only Entra ID (the managed identity): no account keys or connection strings to leak.
    allowSharedKeyAccess: false
  }
}

resource tableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, tableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: tableDataContributor
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

// The app's public host name, known before the app exists (the tab and the bot registration need it).
var appHost = '${appName}.${environment.properties.defaultDomain}'

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      ingress: {
        external: true
        targetPort: 3978
        transport: 'http'
        allowInsecure: false
      }
      registries: [
        { server: registry.properties.loginServer, identity: identity.id }
      ]
    }
    template: {
      containers: [
        {
          name: 'actionbot'
          image: image
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: [
            { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
            { name: 'MicrosoftAppId', value: identity.properties.clientId }
            { name: 'MicrosoftAppTenantId', value: tenant().tenantId }
            { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
            { name: 'AZURE_TABLES_ENDPOINT', value: storage.properties.primaryEndpoints.table }
            { name: 'ADMINS', value: admins }
            { name: 'ALLOWED_TENANTS', value: allowedTenants }
            { name: 'LEAD_ROLE', value: leadRole }
            { name: 'BOT_DOMAIN', value: appHost }
            // Required outside local mode: tab tokens must be for exactly this audience.
            { name: 'TAB_APP_ID_URI', value: empty(tabAppIdUri) ? 'api://${appHost}/botid-${identity.properties.clientId}' : tabAppIdUri }
            { name: 'PORT', value: '3978' }
          ]
          probes: [
            { type: 'Liveness', httpGet: { path: '/healthz', port: 3978 }, periodSeconds: 30 }
            { type: 'Readiness', httpGet: { path: '/readyz', port: 3978 }, periodSeconds: 15 }
          ]
        }
      ]
      scale: { minReplicas: 1, maxReplicas: maxReplicas }
    }
  }
  dependsOn: [tableAccess, imagePull]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: name
    endpoint: 'https://${app.properties.configuration.ingress.fqdn}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenant().tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

@description('MicrosoftAppId: the bot id for the Teams app package (npm run package).')
output botAppId string = identity.properties.clientId
@description('BOT_DOMAIN: the app\'s public host name, for the Teams app package.')
output appHost string = appHost
@description('The messaging endpoint the Azure Bot calls.')
output messagingEndpoint string = bot.properties.endpoint
@description('The table endpoint the bot stores its data in.')
output tableEndpoint string = storage.properties.primaryEndpoints.table
