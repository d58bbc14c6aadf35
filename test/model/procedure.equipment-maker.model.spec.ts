import { procedureAgainstItsModel } from '../support/model/procedure-against-model.js';
import { EQUIPMENT_MAKER } from '../support/policies.js';

procedureAgainstItsModel(EQUIPMENT_MAKER);
