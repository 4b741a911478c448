// Stands in for keycloakify/lib/BASE_URL in jest: the mocks' resource URLs start at "/".
export const BASE_URL = "/";
