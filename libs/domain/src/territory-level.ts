export enum TerritoryLevel {
  REGION = 'REGION',
  DEPARTEMENT = 'DEPARTEMENT',
  EPCI = 'EPCI',
  COMMUNE = 'COMMUNE',
}
