import onnxProto from 'onnx-proto';
import type { SequenceModel } from '../train/sequence-model.ts';
import { toFloat16Array } from './float16.ts';

const { onnx } = onnxProto;
const T = onnx.TensorProto.DataType;
const A = onnx.AttributeProto.AttributeType;

/**
 * Opset 18: ScatterElements with `reduction="add"` (opset ≥ 16) turns the sparse neighbour table
 * into per-item scores in O(history × neighbours). Opset 13 has no scatter-add; its workarounds
 * (one-hot expansion) cost N× more work per call. onnxruntime-web runs opset 18.
 */
export const OPSET = 18;

function tensor(name: string, dataType: number, dims: number[], raw: ArrayBufferView) {
  return onnx.TensorProto.create({
    name,
    dataType,
    dims,
    rawData: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength),
  });
}

function valueInfo(name: string, elemType: number, dims: (number | string)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType,
        shape: onnx.TensorShapeProto.create({
          dim: dims.map((d) =>
            typeof d === 'number'
              ? onnx.TensorShapeProto.Dimension.create({ dimValue: d })
              : onnx.TensorShapeProto.Dimension.create({ dimParam: d }),
          ),
        }),
      }),
    }),
  });
}

function node(
  opType: string,
  input: string[],
  output: string[],
  attrs: Record<string, number | string> = {},
) {
  return onnx.NodeProto.create({
    opType,
    input,
    output,
    name: output[0],
    attribute: Object.entries(attrs).map(([name, value]) =>
      typeof value === 'string'
        ? onnx.AttributeProto.create({ name, type: A.STRING, s: new TextEncoder().encode(value) })
        : onnx.AttributeProto.create({ name, type: A.INT, i: value }),
    ),
  });
}

/**
 * The model as ONNX. Inputs: `history` int64 [1, L] item indices (oldest first; pad with 0 and
 * weight 0), `weights` float [1, L] recency weights, `exclude` float [1, N] (1 = never recommend).
 * Outputs: `items` int64 [1, K] best first and their `scores` float [1, K].
 * Weights ship as float16; neighbour indices as int16 when the catalogue allows.
 */
export function exportSequenceModel(model: SequenceModel, topK: number): Uint8Array {
  const n = model.itemCount;
  const m = model.neighbours;
  const k = Math.max(1, Math.min(topK, n));
  const small = n <= 32767;
  const initializer = [
    small
      ? tensor('nbr_index', T.INT16, [n, m], Int16Array.from(model.index))
      : tensor('nbr_index', T.INT32, [n, m], model.index),
    tensor('nbr_weight', T.FLOAT16, [n, m], toFloat16Array(model.weight)),
    tensor('bias', T.FLOAT16, [n], toFloat16Array(model.bias)),
    tensor('k', T.INT64, [1], BigInt64Array.from([BigInt(k)])),
    tensor('flat', T.INT64, [2], BigInt64Array.from([1n, -1n])),
    tensor('axis0', T.INT64, [1], BigInt64Array.from([0n])),
    tensor('axis2', T.INT64, [1], BigInt64Array.from([2n])),
    tensor('neg_big', T.FLOAT, [], Float32Array.from([-1e9])),
  ];
  const nodes = [
    node('Gather', ['nbr_index', 'history'], ['g_index'], { axis: 0 }),
    node('Cast', ['g_index'], ['g_index64'], { to: T.INT64 }),
    node('Reshape', ['g_index64', 'flat'], ['targets']),
    node('Gather', ['nbr_weight', 'history'], ['g_weight16'], { axis: 0 }),
    node('Cast', ['g_weight16'], ['g_weight'], { to: T.FLOAT }),
    node('Unsqueeze', ['weights', 'axis2'], ['recency']),
    node('Mul', ['g_weight', 'recency'], ['contrib']),
    node('Reshape', ['contrib', 'flat'], ['updates']),
    node('Cast', ['bias'], ['bias32'], { to: T.FLOAT }),
    node('Unsqueeze', ['bias32', 'axis0'], ['prior']),
    node('ScatterElements', ['prior', 'targets', 'updates'], ['raw_scores'], { axis: 1, reduction: 'add' }),
    node('Mul', ['exclude', 'neg_big'], ['penalty']),
    node('Add', ['raw_scores', 'penalty'], ['masked']),
    node('TopK', ['masked', 'k'], ['scores', 'items'], { axis: -1, largest: 1, sorted: 1 }),
  ];
  const graph = onnx.GraphProto.create({
    name: 'lectern_sequence_recommender',
    node: nodes,
    initializer,
    input: [
      valueInfo('history', T.INT64, [1, 'L']),
      valueInfo('weights', T.FLOAT, [1, 'L']),
      valueInfo('exclude', T.FLOAT, [1, n]),
    ],
    output: [valueInfo('items', T.INT64, [1, k]), valueInfo('scores', T.FLOAT, [1, k])],
  });
  const proto = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'lectern',
    producerVersion: '1',
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: OPSET })],
    graph,
  });
  return onnx.ModelProto.encode(proto).finish();
}
