import fs from 'node:fs';
import {
  clientTypesPath,
  clientTypesText,
  contractPath,
  contractText,
  generatedContract,
} from './contract-files.ts';

// `npm run interop:client`: writes the interop contract and the client's generated types.
const contract = await generatedContract();
fs.writeFileSync(contractPath, contractText(contract));
fs.writeFileSync(clientTypesPath, await clientTypesText(contract));
process.stdout.write(`Đã ghi ${contractPath} và ${clientTypesPath}\n`);
