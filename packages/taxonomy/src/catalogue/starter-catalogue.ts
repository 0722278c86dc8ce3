import { buildCatalogue } from './build-catalogue';
import { agricultureModule } from './sectors/agriculture';
import { careModule } from './sectors/care';
import { cleaningModule } from './sectors/cleaning';
import { constructionModule } from './sectors/construction';
import { drivingLogisticsModule } from './sectors/driving-logistics';
import { electricalPlumbingModule } from './sectors/electrical-plumbing';
import { foodProcessingModule } from './sectors/food-processing';
import { hairBeautyModule } from './sectors/hair-beauty';
import { handicraftsModule } from './sectors/handicrafts';
import { hospitalityModule } from './sectors/hospitality';
import { ictModule } from './sectors/ict';
import { officeAccountingModule } from './sectors/office-accounting';
import { retailModule } from './sectors/retail';
import { securityModule } from './sectors/security';
import { tailoringModule } from './sectors/tailoring';
import { teachingModule } from './sectors/teaching';
import { transversalModule } from './sectors/transversal';
import { vehicleMechanicsModule } from './sectors/vehicle-mechanics';
import type { StarterCatalogue } from './types';

/** Bump when concepts, labels or relations change, so a loaded database can tell it is stale. */
export const starterCatalogueVersion = '1.1.0';

/** The team-written occupations and skills the embedded default uses when no ESCO is imported. */
export const starterCatalogue: StarterCatalogue = buildCatalogue(starterCatalogueVersion, transversalModule, [
  constructionModule,
  agricultureModule,
  foodProcessingModule,
  tailoringModule,
  hospitalityModule,
  cleaningModule,
  drivingLogisticsModule,
  retailModule,
  hairBeautyModule,
  vehicleMechanicsModule,
  electricalPlumbingModule,
  ictModule,
  careModule,
  securityModule,
  teachingModule,
  officeAccountingModule,
  handicraftsModule,
]);
