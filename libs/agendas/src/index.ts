export * from './agendas.module';
export * from './agenda.service';
export * from './exports.service';
export * from './print.service';
export * from './models/agenda.models';
