import { procedureAgainstItsModel } from '../support/model/procedure-against-model.js';
import { ENTERPRISE_STANDARD } from '../support/policies.js';

procedureAgainstItsModel(ENTERPRISE_STANDARD);
